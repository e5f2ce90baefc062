import { getEnv } from '@/lib/env';
import { isSyncLeader } from '@/lib/fleet/instance';
import { registerSecret } from '@/lib/logger';
import { processWide } from '@/lib/process-wide';
import { isReady } from '@/lib/readiness';
import { isDemoMode } from '@/lib/runtime/level-connection';
import type { WebhookSender } from '@/simulator';
import { randomBytes } from 'node:crypto';
import 'server-only';

// Demo mode is real-time too: the built-in simulator plays Level's webhook sender and posts to
// this process's own /api/webhooks/level, signed with a secret made up at start. The receiver
// takes that secret from demoWebhookSecret() (it wins over LEVEL_WEBHOOK_SECRET and Settings
// while in demo mode, since the demo simulator is then the only sender there is).

/** How soon a change of leader, readiness or connection turns the sending on or off. */
const CHECK_EVERY_MS = 1_000;

declare module '@/lib/process-wide' {
  interface ProcessWide {
    demoWebhooks: { secret?: string };
  }
}

const shared = processWide('demoWebhooks', () => ({}));

/**
 * The secret the demo simulator signs its webhooks with, while this process is in demo mode;
 * null otherwise (a real Level key is in use, or demo mode never started).
 */
export function demoWebhookSecret(): string | null {
  return shared.secret !== undefined && isDemoMode() ? shared.secret : null;
}

/** The address this process answers on, seen from inside it. */
export function ownWebhookUrl(hostname = process.env.HOSTNAME, port = getEnv().PORT): string {
  const wildcard = !hostname || ['0.0.0.0', '::', '[::]', 'localhost'].includes(hostname);
  const host = wildcard ? '127.0.0.1' : hostname.includes(':') ? `[${hostname}]` : hostname;
  return `http://${host}:${port}/api/webhooks/level`;
}

function leader(): boolean {
  try {
    return isSyncLeader();
  } catch {
    return false; // the fleet runtime is not built yet
  }
}

/**
 * Points the demo simulator's webhooks at this process. Only the sync leader's simulator sends:
 * every replica runs its own demo simulator, but only the leader's fleet is the one on screen, and
 * the others' evolutions would announce changes that never happened there. Nothing is sent before
 * the server is ready (it would only be refused and retried minutes later).
 */
export function startDemoWebhooks(webhooks: WebhookSender, url = ownWebhookUrl()): void {
  if (shared.secret !== undefined) return;
  const secret = randomBytes(32).toString('base64url');
  registerSecret(secret);
  shared.secret = secret;
  webhooks.configure({ secret, url: null });
  const check = () => {
    const on = isDemoMode() && isReady() && leader();
    if (on !== (webhooks.settings().url !== null)) webhooks.configure({ url: on ? url : null });
  };
  setInterval(check, CHECK_EVERY_MS).unref();
  check();
}
