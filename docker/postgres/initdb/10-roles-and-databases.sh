#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory (the official image
# runs /docker-entrypoint-initdb.d/* then). One cluster, two owners that cannot touch each other's
# data:
#   temporal — may create databases; the temporal-schema service creates `temporal` and
#              `temporal_visibility` with it and keeps their schema current.
#   talent   — owns the application database `talent` (records and read model).
# Passwords come from the environment (see docker-compose.yml). Changing them later means
# ALTER ROLE … PASSWORD by hand: this script never runs again on an existing volume.
set -eu

: "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD must be set}"
: "${TALENT_DB_PASSWORD:?TALENT_DB_PASSWORD must be set}"

# psql's :'var' quotes the value as a literal, so any password is safe here.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v temporal_pw="$TEMPORAL_DB_PASSWORD" \
  -v talent_pw="$TALENT_DB_PASSWORD" <<'SQL'
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_pw';
CREATE ROLE talent LOGIN PASSWORD :'talent_pw';
CREATE DATABASE talent OWNER talent;
REVOKE ALL ON DATABASE talent FROM PUBLIC;
SQL
