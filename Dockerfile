# Build stage: install everything, compile TypeScript to dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY contracts ./contracts
COPY server ./server
COPY fixtures ./fixtures
RUN npm run build

# Runtime stage: production dependencies and the compiled mock only.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 ACTITO_MOCK_DROP_DIR=/drop
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY fixtures ./fixtures
# The file transfer locations: mount a folder here (-v "$PWD/drop:/drop"); /drop/<locationId>/ is watched.
RUN mkdir -p /drop && chown node:node /drop
VOLUME ["/drop"]
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["node", "dist/bundle/cli.js", "healthcheck"]
# The same command as `npm start`, which the tests start (test/dockerfile.test.ts checks they match).
CMD ["node", "dist/bundle/cli.js"]
