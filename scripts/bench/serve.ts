// bench:serve — /api/fleet/summary under 200 connections (10,000-device fleet), side by side with
// a raw node:http server answering the very same bytes. Run: npm run bench:serve
import { startSimulator } from '@/lib/level/simulator';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, machine, randomKey, requireBuild, sleep, startLevelboard } from './support';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

const RAW_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const body = fs.readFileSync(process.env.BODY_FILE);
const headers = JSON.parse(process.env.HEADERS);
http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

/** Levelboard's response headers minus the per-connection ones, so both servers send the same bytes. */
function sameHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) out[name] = value;
  });
  return out;
}

async function load(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return {
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'bytes/resp': Math.round(result.throughput.average / Math.max(1, result.requests.average)),
    errors: result.errors + result.timeouts,
    'non-2xx': result.non2xx,
  };
}

async function main() {
  requireBuild();
  const apiKey = randomKey();
  const sim = await startSimulator({ devices: DEVICES, apiKey, frozen: true, quiet: true });
  const board = await startLevelboard({
    LEVEL_API_KEY: apiKey,
    LEVEL_API_URL: sim.url,
    SYNC_INTERVAL_SECONDS: '3600',
  });
  const summaryUrl = `${board.url}/api/fleet/summary`;
  const sample = await fetch(summaryUrl);
  const body = Buffer.from(await sample.arrayBuffer());
  const etag = sample.headers.get('etag') ?? '';
  const bodyFile = path.join(os.tmpdir(), `levelboard-bench-body-${process.pid}.json`);
  writeFileSync(bodyFile, body);
  const rawPort = await freePort();
  const raw = spawn(process.execPath, ['-e', RAW_SERVER], {
    env: {
      ...process.env,
      PORT: String(rawPort),
      BODY_FILE: bodyFile,
      HEADERS: JSON.stringify(sameHeaders(sample.headers)),
    },
    stdio: 'inherit',
  });
  await sleep(500);

  console.log(
    `\nbench:serve — ${DEVICES.toLocaleString('en-US')} devices, ${CONNECTIONS} connections, ${DURATION} s per run`,
  );
  console.log(`machine: ${machine()}`);
  console.log(`summary body: ${body.length.toLocaleString('en-US')} bytes\n`);
  const rows = {
    'raw node:http (same bytes)': await load(`http://127.0.0.1:${rawPort}/`),
    'Levelboard /api/fleet/summary': await load(summaryUrl),
    'Levelboard, If-None-Match → 304': await load(summaryUrl, { 'If-None-Match': etag }),
  };
  console.table(rows);
  const ratio = rows['Levelboard /api/fleet/summary']['req/s'] / rows['raw node:http (same bytes)']['req/s'];
  console.log(
    `Levelboard throughput = ${(ratio * 100).toFixed(0)} % of raw (goal ≥ 50 %); p99 ${rows['Levelboard /api/fleet/summary']['p99 ms']} ms (goal < 20 ms)`,
  );

  raw.kill();
  await board.stop();
  await sim.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
