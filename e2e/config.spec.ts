import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';

// Starts the real standalone server with a broken environment and reads what it prints.
function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('.next/standalone/levelboard-server.js')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', HOSTNAME: '127.0.0.1', PORT: '3199', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('a bad LEVEL_API_URL stops the server with the variable named', async () => {
  const { code, output } = await startWith({
    LEVEL_API_KEY: 'k-secret-value',
    ADMIN_PASSWORD: 'longenough',
    LEVEL_API_URL: 'not a url',
  });
  expect(code).toBe(1);
  expect(output).toContain('LEVEL_API_URL must be an absolute URL');
  expect(output).not.toContain('k-secret-value');
});

test('a short SESSION_SECRET stops the server without printing it', async () => {
  const { code, output } = await startWith({ SESSION_SECRET: 'short-secret-123' });
  expect(code).toBe(1);
  expect(output).toContain('SESSION_SECRET must be at least 32 characters long');
  expect(output).not.toContain('short-secret-123');
});

test('a bad LEVEL_APP_DEVICE_PATH stops the server with the variable named', async () => {
  const { code, output } = await startWith({ LEVEL_APP_DEVICE_PATH: '/devices/' });
  expect(code).toBe(1);
  expect(output).toContain('LEVEL_APP_DEVICE_PATH must contain {id} exactly once');
});

test('a bad OIDC variable stops the server with the variable named, never the client secret', async () => {
  const { code, output } = await startWith({
    OIDC_ISSUER: 'https://idp.example.com/realms/msp',
    OIDC_CLIENT_ID: 'levelboard',
    OIDC_CLIENT_SECRET: 'oidc-client-secret-value',
    OIDC_DEFAULT_ROLE: 'admin',
  });
  expect(code).toBe(1);
  expect(output).toContain('OIDC_DEFAULT_ROLE must be viewer, technician or refuse');
  expect(output).not.toContain('oidc-client-secret-value');
});
