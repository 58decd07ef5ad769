# syntax=docker/dockerfile:1
# Entraide in one image. The server runs the compiled build (dist/), exactly as `npm start`
# does: no TypeScript is transpiled when the container starts.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY scripts ./scripts
COPY tsconfig.json ./
COPY src ./src
COPY public ./public
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    PGLITE_DIR=/var/lib/entraide/pglite
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY --from=build /app/dist ./dist
COPY migrations ./migrations
COPY data ./data
COPY --from=build /app/public ./public
# The code stays owned by root and read-only to the server; only the embedded database
# directory is writable (mount a volume there, or set DATABASE_URL and leave it unused).
RUN mkdir -p /var/lib/entraide && chown node:node /var/lib/entraide
VOLUME ["/var/lib/entraide"]
USER node
EXPOSE 3000
# /healthz answers whatever the Host header, so the check needs no territory hostname.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and handles SIGTERM (graceful shutdown in src/server.ts); no npm wrapper,
# which would not forward the signal.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=8", "dist/server.js"]
