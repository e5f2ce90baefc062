import type { WebhookStatus } from '@/lib/domain/webhooks';

/**
 * How recent a verified delivery must be for the sync to lean on webhooks. A quiet fleet may send
 * nothing for a while: it then syncs at its normal pace, which costs requests but loses nothing.
 */
export const WEBHOOK_QUIET_MS = 15 * 60_000;

/**
 * Webhooks can carry the fleet between safety-net syncs when a secret is set, a signed event
 * arrived recently, and no delivery has failed its signature since (a secret rotated in Level but
 * not here: every event from then on is refused, so the sync must not wait on them).
 */
export function webhooksLookHealthy(status: WebhookStatus, now: number): boolean {
  if (!status.configured || !status.lastEventAt) return false;
  const lastEvent = Date.parse(status.lastEventAt);
  if (!(now - lastEvent < WEBHOOK_QUIET_MS)) return false;
  const lastFailure = status.lastSignatureFailureAt ? Date.parse(status.lastSignatureFailureAt) : null;
  return lastFailure === null || lastFailure < lastEvent;
}
