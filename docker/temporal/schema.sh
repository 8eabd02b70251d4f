#!/bin/sh
# One-shot, in temporalio/admin-tools: creates Temporal's two databases if missing and brings
# their schema to the version this image ships. Idempotent: on later runs `create` and
# `setup-schema` are no-ops and `update-schema` applies only newer versioned migrations, so this
# is also the upgrade step when the Temporal image tags are bumped.
set -eu

: "${POSTGRES_SEEDS:?}" "${DB_PORT:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?}"
PLUGIN="${DB:-postgres12}"
SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12

sql() {
  temporal-sql-tool --plugin "$PLUGIN" --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"
}

for pair in "${DBNAME:-temporal}:temporal" "${VISIBILITY_DBNAME:-temporal_visibility}:visibility"; do
  db="${pair%%:*}"
  dir="$SCHEMA_ROOT/${pair#*:}/versioned"
  echo "temporal-schema: database $db ($dir)"
  sql --db "$db" create
  sql --db "$db" setup-schema -v 0.0
  sql --db "$db" update-schema -d "$dir"
done
echo "temporal-schema: done"
