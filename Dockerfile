# lmnkit service image: `docker build -t lmnkit:0.1.0 .`, then `docker run -p 3000:3000 lmnkit:0.1.0`.
# Configuration comes from the environment (README "Running the service"); the same image runs
# `lmnkit batch` when given other arguments (deploy/batch-job.yaml).

# Build stage: the dev dependencies compile TypeScript to dist/. --ignore-scripts: `prepare` would
# build before the sources are copied.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies and the files the package ships (package.json "files").
FROM node:20-slim
ENV HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY src ./src
COPY templates ./templates
COPY fonts ./fonts
COPY data/icd10cm ./data/icd10cm
COPY examples/*.json ./examples/
# The node image's unprivileged user (uid 1000); nothing in /app is writable by it.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/cli/bin.js"]
CMD ["serve"]
