// Starts the built standalone server with a fresh data dir, copying its output to a log file so
// the leak scan can read everything the server printed.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const { SERVE_PORT, SERVE_DATA_DIR, SERVE_LOG } = process.env;
rmSync(SERVE_DATA_DIR, { recursive: true, force: true });
mkdirSync(SERVE_DATA_DIR, { recursive: true });
const log = createWriteStream(SERVE_LOG);

const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
Object.assign(env, { PORT: SERVE_PORT, HOSTNAME: '127.0.0.1', DATA_DIR: SERVE_DATA_DIR });
const child = spawn(process.execPath, [path.resolve('.next/standalone/levelboard-server.js')], { env });
child.stdout.pipe(log);
child.stderr.pipe(log);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
