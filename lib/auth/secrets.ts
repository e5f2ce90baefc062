import { getEnv } from '@/lib/env';
import { logger, registerSecret } from '@/lib/logger';
import { processWide } from '@/lib/process-wide';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import 'server-only';

// SESSION_SECRET from the environment, or one generated on first start and kept (0600) in
// DATA_DIR so sessions survive restarts. In demo mode without ADMIN_PASSWORD, a password is
// generated per start and printed once to the console (not to the structured log).

interface Secrets {
  sessionSecret: string;
  adminPassword: string;
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    secrets: Secrets;
  }
}

function persistedSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value.length >= 32) return value;
  }
  const value = randomBytes(48).toString('base64url');
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, value, { mode: 0o600 });
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot keep the generated session secret in ${path.resolve(file)}: ${cause}`);
  }
  return value;
}

export function secrets(): Secrets {
  return processWide('secrets', loadSecrets);
}

function loadSecrets(): Secrets {
  const env = getEnv();
  const sessionSecret = env.SESSION_SECRET ?? persistedSessionSecret(env.DATA_DIR);
  let adminPassword = env.ADMIN_PASSWORD;
  if (!adminPassword) {
    adminPassword = randomBytes(12).toString('base64url');
    console.log(
      `\n  Demo mode admin password: ${adminPassword}\n  (set ADMIN_PASSWORD to choose your own)\n`,
    );
    logger.info({}, 'Demo mode: a generated admin password was printed to the console');
  }
  registerSecret(sessionSecret);
  registerSecret(adminPassword);
  return { sessionSecret, adminPassword };
}
