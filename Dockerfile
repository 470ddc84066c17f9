# One Dockerfile, an image per service: the build argument SERVICE picks it (session, message,
# presence, attachment, gateway, migrate: the one-shot schema migration, or all-in-one, the
# default). An image holds that service's bundle and nothing else it does not run: dist/services/<name>
# from its Nx build (main.js and its source map, the .proto files, the files a few bundled
# packages read, the web app for the gateway and the all-in-one, node_modules only for native
# modules: sharp where thumbnails are made), and runs `node main.js` as the user `node`.
# docs/operations.md (Build and images) has what each holds and its size.
#
#   docker build --build-arg SERVICE=session --build-arg PARLEY_COMMIT=$(git rev-parse --short=12 HEAD) -t parley-session .
#   docker build -t parley .                                     # the all-in-one; give it DATABASE_URL (and AMQP_URL)
#   docker build --build-arg EMBEDDED_POSTGRES=true -t parley .   # ... with its embedded PostgreSQL (+60 MB)
#
# PARLEY_COMMIT is the commit the service reports (/healthz, parley_build_info): the build has no
# .git. Works with the classic builder and BuildKit alike (no BuildKit-only syntax).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- manifests: only the package.json files, so the dependency layer is rebuilt only when they change.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && cp package.json package-lock.json /manifests/ \
 && find libs services migrations e2e bench -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \;

# --- build: every dependency (esbuild, Nx and Vite are development ones), then the service's bundle.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY --from=manifests /manifests/ ./
# Install scripts run only for the packages package.json `allowScripts` approves, whatever npm
# version the base image ships: install with scripts off, then rebuild exactly those.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && node -e 'const a = require("./package.json").allowScripts || {}; for (const [name, ok] of Object.entries(a)) if (ok === true) console.log(name)' \
    | xargs -r npm rebuild --no-audit --no-fund \
 && npm cache clean --force
COPY . .
ARG SERVICE=all-in-one
ARG PARLEY_COMMIT=unknown
ARG EMBEDDED_POSTGRES=false
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true
# The migration job is libs/db's build; every other service is its own Nx project.
RUN case "$SERVICE" in migrate) project=db ;; *) project="$SERVICE" ;; esac \
 && PARLEY_COMMIT="$PARLEY_COMMIT" npx nx run "$project:build" --outputStyle=static \
 && if [ "$SERVICE" = all-in-one ] && [ "$EMBEDDED_POSTGRES" = true ]; then node tools/build/node-modules.js dist/services/all-in-one embedded-postgres; fi

# --- runtime: the bundle alone on Node.
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE=all-in-one
ARG PARLEY_COMMIT=unknown
LABEL org.opencontainers.image.title="parley-${SERVICE}" \
      org.opencontainers.image.revision="${PARLEY_COMMIT}"
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# Owned by root: the service user can read the bundle, not change it.
COPY --from=build /src/dist/services/${SERVICE} ./
# The only writable place: the all-in-one's data folder (PARLEY_DATA_DIR, default .data).
RUN if [ "$SERVICE" = all-in-one ]; then mkdir -p /app/.data && chown node:node /app/.data; fi
USER node
# Source maps on: stack traces in the logs name the TypeScript sources.
CMD ["node", "--enable-source-maps", "main.js"]
