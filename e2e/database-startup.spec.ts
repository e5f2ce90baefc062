import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, EXTRA_PORTS } from './support/env';

// A database that cannot be opened, written or migrated must stop the process with its location
// and the cause (Docker's restart policy and healthcheck then see it), never leave a server that
// answers 500 to everything.

const SECRET = 'startup-session-secret-0123456789abcdef';

function start(env: Record<string, string>, options: { uid?: number } = {}) {
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.resolve('.next/standalone/levelboard-server.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        HOSTNAME: '127.0.0.1',
        PORT: String(EXTRA_PORTS[2]),
        ...env,
      },
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // A process still up after 30 s is the bug: it would serve 500s.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

function dataDir(name: string): string {
  const dir = path.join(ARTIFACTS, `data-startup-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

test('a garbage SQLite file stops the server with its path and the cause', async () => {
  const dir = dataDir('garbage');
  writeFileSync(path.join(dir, 'levelboard.db'), 'this is not a database '.repeat(400));
  const { code, output } = await start({ DATA_DIR: dir, SESSION_SECRET: SECRET });
  expect(code, output).toBe(1);
  expect(output).toContain(path.join(dir, 'levelboard.db'));
  expect(output).toContain('file is not a database');
});

test('a DATA_DIR the server may not write stops it with the path and the cause', async () => {
  const dir = dataDir('read-only');
  // Root ignores permission bits, so the server runs as "nobody" against a root-owned directory.
  const asNobody = process.getuid?.() === 0;
  if (!asNobody) {
    const { chmodSync } = await import('node:fs');
    chmodSync(dir, 0o555);
  }
  const withSecret = await start({ DATA_DIR: dir, SESSION_SECRET: SECRET }, asNobody ? { uid: 65534 } : {});
  expect(withSecret.code, withSecret.output).toBe(1);
  expect(withSecret.output).toContain(dir);
  expect(withSecret.output).toMatch(/EACCES|permission denied|readonly/i);
  // Without SESSION_SECRET the generated one cannot be kept there either: same kind of stop.
  const generated = await start({ DATA_DIR: dir }, asNobody ? { uid: 65534 } : {});
  expect(generated.code, generated.output).toBe(1);
  expect(generated.output).toContain(path.join(dir, 'session-secret'));
});

test('an unreachable PostgreSQL stops the server with the host and the cause, not the password', async () => {
  const { code, output } = await start({
    DATABASE_URL: 'postgres://levelboard:pg-secret-pw@127.0.0.1:1/levelboard',
    SESSION_SECRET: SECRET,
  });
  expect(code, output).toBe(1);
  expect(output).toContain('postgres://127.0.0.1:1/levelboard');
  expect(output).toMatch(/ECONNREFUSED/);
  expect(output).not.toContain('pg-secret-pw');
});
