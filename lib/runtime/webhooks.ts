import type { Store } from '@/lib/db/open';
import { getEnv } from '@/lib/env';
import { fleetService, isSyncLeader, patchFleet } from '@/lib/fleet/instance';
import { dataOf } from '@/lib/fleet/snapshot';
import { setWebhooksHealthy } from '@/lib/fleet/sync-pace';
import { logger, registerSecret } from '@/lib/logger';
import { processWide } from '@/lib/process-wide';
import { demoWebhookSecret } from '@/lib/runtime/demo-webhooks';
import { recordHistoryEvent } from '@/lib/runtime/history';
import { WebhookEventStore } from '@/lib/webhooks/event-store';
import { webhooksLookHealthy } from '@/lib/webhooks/health';
import { WebhookReceiver } from '@/lib/webhooks/receiver';
import { storeWebhookSecret, WebhookSecret } from '@/lib/webhooks/secret';
import { WebhookStatusCache, type WebhookStatus } from '@/lib/webhooks/status';
import 'server-only';

/** How often the leader applies events that followers received (they wait at most this long). */
const RELAY_EVERY_MS = 500;
const PRUNE_EVERY_MS = 60 * 60_000;
/** Event ids are remembered this long: Level's retries take minutes, a re-run by hand may come days later. */
const RETENTION_MS = 30 * 86_400_000;

interface WebhookRuntime {
  fixedSecret: boolean;
  receiver: WebhookReceiver;
  secret: WebhookSecret;
  status: WebhookStatusCache;
  store: Store;
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    webhooks: { runtime?: WebhookRuntime };
  }
}

const shared = processWide('webhooks', () => ({}));

/** The snapshot holds Level's word from the start of the sync that made it. */
function syncedSince(): number | null {
  const snapshot = fleetService().current();
  if (!snapshot) return null;
  const status = fleetService().replicatedStatus();
  return Date.parse(snapshot.syncedAt) - (status.lastDurationMs ?? 0);
}

/**
 * Builds the receiver once per process, after the fleet runtime; the leader relays and prunes.
 * `secret`: one chosen by the process itself (demo mode's simulator signs with a random secret
 * made at start), treated like LEVEL_WEBHOOK_SECRET, which wins over it.
 */
export function initWebhooks(store: Store, options: { secret?: string } = {}): WebhookRuntime {
  if (shared.runtime) return shared.runtime;
  const env = getEnv();
  const fixedSecret = env.LEVEL_WEBHOOK_SECRET ?? options.secret;
  registerSecret(fixedSecret);
  const log = logger.child({ component: 'webhooks' });
  const events = new WebhookEventStore(store);
  const secret = new WebhookSecret(store, fixedSecret);
  const receiver = new WebhookReceiver({
    // Demo mode's simulator is then the only sender there is: its secret wins (demo-webhooks.ts).
    secret: async () => demoWebhookSecret() ?? (await secret.current()),
    events,
    fleet: {
      isLeader: isSyncLeader,
      current: () => {
        const snapshot = fleetService().current();
        return snapshot ? dataOf(snapshot) : null;
      },
      syncedSince,
      patch: patchFleet,
    },
    recordHistory: recordHistoryEvent,
    now: Date.now,
    log,
  });
  const status = new WebhookStatusCache(events, async () =>
    demoWebhookSecret() ? 'demo' : secret.source(await secret.current()),
  );
  // Primed now, so the first /api/health already tells whether webhooks are configured.
  void status.refresh().catch(() => {});
  // While signed events flow, the sync may run as a safety net only (SYNC_WITH_WEBHOOKS_SECONDS).
  setWebhooksHealthy(() => webhooksLookHealthy(status.latest(), Date.now()));
  let relaying = false;
  // SQLite is one process, which always leads: there is no follower to relay for.
  if (store.engine === 'postgres')
    setInterval(() => {
      if (relaying || !isSyncLeader()) return;
      relaying = true;
      receiver
        .relayPending()
        .catch((error: unknown) =>
          log.warn({ error: String(error) }, 'Could not apply webhook events from other replicas'),
        )
        .finally(() => {
          relaying = false;
        });
    }, RELAY_EVERY_MS).unref();
  setInterval(() => {
    if (!isSyncLeader()) return;
    events
      .prune(Date.now() - RETENTION_MS)
      .catch((error: unknown) => log.warn({ error: String(error) }, 'Webhook pruning failed'));
  }, PRUNE_EVERY_MS).unref();
  shared.runtime = { fixedSecret: Boolean(fixedSecret), receiver, secret, status, store };
  return shared.runtime;
}

function runtime(): WebhookRuntime {
  if (!shared.runtime) throw new Error('Webhooks have not been started (startRuntime)');
  return shared.runtime;
}

export const webhookReceiver = () => runtime().receiver;
/** For /api/health: the last known status, never waits. */
export const webhookStatusNow = (): WebhookStatus => runtime().status.latest();
export const webhookStatusFresh = (): Promise<WebhookStatus> => runtime().status.refresh();
/** A secret Settings cannot change: LEVEL_WEBHOOK_SECRET (or demo mode's own). */
export const webhookSecretFromEnv = () => runtime().fixedSecret;

/** Settings: a new secret (or none), applied to this replica's next delivery at once. */
export async function changeWebhookSecret(secret: string | null): Promise<void> {
  const { store, secret: current } = runtime();
  if (secret) registerSecret(secret);
  await storeWebhookSecret(store, secret);
  current.forget();
}
