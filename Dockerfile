# Build stage: compiles TypeScript and the native SQLite binding, then drops dev dependencies.
FROM node:20-bookworm-slim AS build
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
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# Jobs and settings (STORE_URL defaults to sqlite://data/luma.sqlite, i.e. /app/data).
VOLUME ["/app/data"]
# Node handles SIGTERM itself (the bot installs handlers), so it can run as PID 1. The same command
# as `npm start`: a small young generation keeps memory flat under bursts (see npm run bench).
CMD ["node", "--enable-source-maps", "--max-semi-space-size=2", "dist/src/index.js"]
