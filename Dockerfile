# One image for every chirp process (docker-compose.yml picks the entry point per service):
#   node --enable-source-maps .build/workers/<name>.mjs — the same esbuild bundles `npm start` runs
#   (stack/build-workers.ts), built in the deps stage; no TypeScript loader in a service process.
#   Only the one-shot stack/init-topics.ts still runs through tsx.

ARG NODE_IMAGE=node:20-bookworm-slim

# ── deps: the workspace's packages, cached on the lockfile alone ───────────────────────────────
FROM ${NODE_IMAGE} AS deps
ENV CI=true
RUN npm i -g pnpm@10
WORKDIR /app
# `pnpm fetch` needs only the lockfile, so this layer (the slow, networked part) is rebuilt only
# when a dependency changes, not when a workspace manifest's scripts or a source file does.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
# Then the workspace manifests and sources; the install links from the fetched store, offline.
COPY package.json tsconfig.base.json tsconfig.json ./
COPY packages ./packages
COPY services ./services
COPY stack ./stack
COPY web ./web
RUN pnpm install --frozen-lockfile --offline
# The services as compiled JavaScript: .build/workers/<name>.mjs, shared chunks and the Lua folder.
RUN node --import tsx stack/build-workers.ts

# ── web: the React app, served by the API from WEB_DIST ───────────────────────────────────────
FROM deps AS web
RUN pnpm --filter @chirp/web build

# ── runtime: node, the sources and their modules; no pnpm, no compilers, not root ────────────
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# The services run the bundles; tsx (a root devDependency) still runs the one-shot topics-init, so
# the full install is kept; the per-package node_modules are symlinks into /app/node_modules/.pnpm.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json /app/pnpm-workspace.yaml /app/tsconfig.base.json /app/tsconfig.json ./
COPY --from=deps /app/packages ./packages
COPY --from=deps /app/services ./services
COPY --from=deps /app/stack ./stack
COPY --from=deps /app/.build ./.build
COPY --from=web /app/web/dist ./web/dist
USER node
EXPOSE 3000 9101 9102 9103 9104 9105 9308
CMD ["node", "--enable-source-maps", ".build/workers/api.mjs"]
