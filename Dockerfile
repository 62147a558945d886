# One image for api, worker and wecom-sim; the compose service picks the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsc -p tsconfig.build.json --outDir dist

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY tsconfig.json ./
# Path aliases (@scrm/*) resolve against the compiled tree.
ENV TS_NODE_BASEURL=./dist
USER node
CMD ["node", "-r", "tsconfig-paths/register", "dist/apps/api/src/main.js"]
