# Build stage: compiles TypeScript and the native SQLite binding, then drops dev dependencies.
# Node 22 is the current LTS line (Node 20 has reached its end of life); the code runs on 20.18+ too.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
	&& apt-get install -y --no-install-recommends python3 make g++ \
	&& rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

# Runtime stage: production dependencies and compiled code only, as the unprivileged node user.
FROM node:22-bookworm-slim
# tini as PID 1: it forwards SIGTERM to node and reaps any child process the bot ever starts.
RUN apt-get update \
	&& apt-get install -y --no-install-recommends tini \
	&& rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# `npm start` inside the image finds the build current and starts it; the health check below.
COPY --from=build /app/scripts/ensure-build.mjs /app/scripts/healthcheck.mjs ./scripts/
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# Jobs and settings (STORE_URL defaults to sqlite://data/luma.sqlite, i.e. /app/data).
VOLUME ["/app/data"]
# The HTTP endpoint (/healthz, /metrics, provider callbacks) when HTTP_PORT=8080 is set; without
# HTTP_PORT the bot opens no port.
EXPOSE 8080
# GET /healthz when HTTP_PORT is set; passes when it is not (no endpoint to ask).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
# docker stop sends this, then SIGKILL after 10 s; the bot exits within 9 s (src/index.ts).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
# The command `npm start` execs once the build is there: a small young generation keeps memory
# flat under bursts, and --optimize-for-size makes V8 collect before it grows the heap rather
# than after (with 1000 jobs in flight: about 110 MB instead of 170; see npm run bench). node
# itself, not npm, so the signal reaches it.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=2", "--optimize-for-size", "dist/src/index.js"]
