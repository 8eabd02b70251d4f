# syntax=docker/dockerfile:1
# One image for the worker, the API and the migration job (docker-compose.yml picks the command).
# TypeScript runs through tsx, as in development: there is no build step, only dependencies and
# the generated Prisma clients.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---- deps: install packages and generate the Prisma clients --------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Compilers in case better-sqlite3 has no prebuilt binary for this platform (they stay in this stage).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Install scripts run only for the packages package.json's "allowScripts" permits (npm 10, which
# this image ships, does not read that field itself).
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild $(node -p "Object.entries(require('./package.json').allowScripts ?? {}).filter(([, ok]) => ok).map(([name]) => name).join(' ')")
COPY . .
RUN npx tsx scripts/db/generate.ts \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
# Printed certificates embed Noto Sans/Serif CJK from /usr/share/fonts/opentype/noto.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Root owns the code; the app runs as the unprivileged `node` user and writes nothing here
# (all state lives in PostgreSQL and Temporal).
COPY --from=deps /app /app
USER node
# Overridden per service: worker/main.ts, scripts/db/migrate.ts. `node --import tsx` is what the
# tsx CLI does, minus a wrapper process, so SIGTERM reaches the app and it shuts down gracefully.
CMD ["node", "--import", "tsx", "api/main.ts"]
