# syntax=docker/dockerfile:1.7
# Levelboard: deps → build → run. The runtime image holds only the standalone server.

FROM node:22-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 is compiled from source (no prebuilt download); Node's own headers are used.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=true \
    NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:22-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
# Client report PDFs are printed by Chromium's print engine (lib/reports/pdf.ts, CHROMIUM_PATH), with
# DejaVu and Liberation for their text. About 0.7 GB more image (chromium and the ~200 packages it
# pulls, by apt Installed-Size; estimated, not measured with docker); memory
# only while a report renders (a shared browser closed after a minute idle).
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM_PATH=/usr/bin/chromium
RUN groupadd --system --gid 10001 levelboard \
    && useradd --system --uid 10001 --gid levelboard --no-create-home levelboard \
    && mkdir -p /data && chown levelboard:levelboard /data
COPY --from=build --chown=levelboard:levelboard /app/.next/standalone ./
COPY --from=build --chown=levelboard:levelboard /app/.next/static ./.next/static
COPY --from=build --chown=levelboard:levelboard /app/public ./public
USER 10001:10001
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))"
CMD ["node", "levelboard-server.js"]
