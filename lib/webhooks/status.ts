import type { WebhookStatus } from '@/lib/domain/webhooks';
import type { StoredCounts, WebhookEventStore } from '@/lib/webhooks/event-store';
import type { SecretSource } from '@/lib/webhooks/secret';
import 'server-only';

export type { WebhookStatus };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function shape(counts: StoredCounts | null, source: SecretSource): WebhookStatus {
  return {
    configured: source !== null,
    secretSource: source,
    lastEventAt: iso(counts?.lastEventAt ?? null),
    lastEventType: counts?.lastEventType ?? null,
    eventsToday: counts?.eventsToday ?? 0,
    signatureFailuresToday: counts?.signatureFailuresToday ?? 0,
    lastSignatureFailureAt: iso(counts?.lastSignatureFailureAt ?? null),
  };
}

/**
 * A copy refreshed in the background at most every `maxAgeMs`, so /api/health (public, polled by
 * walls and load balancers) stays synchronous and costs no query per request.
 */
export class WebhookStatusCache {
  private value: WebhookStatus;
  private at = -Infinity;
  private refreshing: Promise<WebhookStatus> | null = null;

  constructor(
    private readonly events: WebhookEventStore,
    private readonly source: () => Promise<SecretSource>,
    private readonly now: () => number = Date.now,
    private readonly maxAgeMs = 2_000,
  ) {
    this.value = shape(null, null);
  }

  /** The last known status; starts a refresh when it is older than maxAgeMs. */
  latest(): WebhookStatus {
    if (this.now() - this.at >= this.maxAgeMs) void this.refresh().catch(() => {});
    return this.value;
  }

  /** A fresh status (Settings, tests). */
  refresh(): Promise<WebhookStatus> {
    this.refreshing ??= (async () => {
      const now = this.now();
      const [counts, source] = await Promise.all([this.events.counts(now), this.source()]);
      this.value = shape(counts, source);
      this.at = now;
      return this.value;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
}
