import { deviceStatus } from '@/lib/domain/fleet';
import type { FleetData } from '@/lib/fleet/snapshot';
import type { HistoryEvent } from '@/lib/history';
import { isKnownEventType, parseEnvelope, resourceKey, type Envelope } from '@/lib/webhooks/envelope';
import type { StoredEvent, WebhookEventStore } from '@/lib/webhooks/event-store';
import { applyFleetEvent, toFleetEvent, type FleetEvent } from '@/lib/webhooks/fleet-event';
import { verifySignature } from '@/lib/webhooks/signature';
import 'server-only';

// POST /api/webhooks/level, without HTTP: bytes and a signature header in, an outcome out
// (lib/api/routes/webhooks.ts turns it into a status). Order matters: nothing is parsed, stored or
// patched before the signature over the raw bytes is proven, and a refused delivery changes
// nothing but the failure counter.

export type ReceiveOutcome =
  | { kind: 'not_configured' }
  | { kind: 'bad_signature' }
  | { kind: 'invalid'; problem: string }
  | { kind: 'duplicate'; eventId: string }
  | { kind: 'ignored'; eventId: string; reason: 'unknown_event_type' | 'unreadable_resource' }
  | { kind: 'superseded'; eventId: string }
  | { kind: 'applied'; eventId: string; published: boolean };

export interface ReceiverDeps {
  /** The secret in force (env or Settings); null: webhooks are not configured. */
  secret: () => Promise<string | null>;
  events: WebhookEventStore;
  fleet: {
    isLeader: () => boolean;
    current: () => FleetData | null;
    /**
     * Epoch ms before which the snapshot already holds Level's word: the start of the sync it
     * came from. Null before the first sync.
     */
    syncedSince: () => number | null;
    /** patchFleet: the leader publishes a new version, a follower patches its own copy. */
    patch: (mutate: (data: FleetData) => FleetData) => Promise<void>;
  };
  /** Leader only: history at the event's time. */
  recordHistory: (event: HistoryEvent) => Promise<unknown>;
  now: () => number;
  log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void };
}

function storedOf(envelope: Envelope): StoredEvent {
  return {
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    resourceKey: resourceKey(envelope),
    occurredAt: envelope.occurredAt,
  };
}

/** What history learns from an event, from the fleet as it was just before it. */
function historyOf(before: FleetData, event: FleetEvent, at: number): HistoryEvent | null {
  switch (event.type) {
    case 'alert_active':
      return {
        kind: 'alert_opened',
        at,
        alert: {
          alertId: event.alert.id,
          deviceId: event.alert.deviceId,
          severity: event.alert.severity,
          name: event.alert.name,
        },
      };
    case 'alert_resolved':
      return { kind: 'alert_resolved', alertId: event.alertId, at };
    case 'device_upsert': {
      const known = before.devices.find((device) => device.id === event.device.id);
      if (!known) return null;
      const status = deviceStatus(event.device);
      return status === deviceStatus(known)
        ? null
        : { kind: 'device_status', deviceId: known.id, status, at };
    }
    default:
      return null;
  }
}

/** Refused deliveries are counted in memory and written at most this often (one row update). */
const FAILURE_FLUSH_MS = 1_000;

export class WebhookReceiver {
  private failures = 0;
  private failureTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: ReceiverDeps) {}

  /**
   * Writes the refused deliveries counted so far. A flood of forged requests thus costs one
   * database write a second, not one per request.
   */
  async flushFailures(): Promise<void> {
    if (this.failureTimer) clearTimeout(this.failureTimer);
    this.failureTimer = null;
    const count = this.failures;
    this.failures = 0;
    if (count > 0) await this.deps.events.countSignatureFailures(this.deps.now(), count);
  }

  private countFailure(): void {
    this.failures += 1;
    this.failureTimer ??= setTimeout(() => {
      this.failureTimer = null;
      this.flushFailures().catch((error: unknown) =>
        this.deps.log.warn({ error: String(error) }, 'Could not count refused webhook deliveries'),
      );
    }, FAILURE_FLUSH_MS);
    this.failureTimer.unref();
  }

  async receive(body: Buffer, signature: string | undefined): Promise<ReceiveOutcome> {
    const { deps } = this;
    const secret = await deps.secret();
    if (!secret) return { kind: 'not_configured' };
    if (!verifySignature(secret, body, signature)) {
      this.countFailure();
      return { kind: 'bad_signature' };
    }
    const parsed = parseEnvelope(body.toString('utf8'));
    if (!parsed.ok) return { kind: 'invalid', problem: parsed.problem };
    const { envelope } = parsed;
    const stored = storedOf(envelope);
    const event = isKnownEventType(envelope.eventType) ? toFleetEvent(envelope) : null;
    const leader = deps.fleet.isLeader();
    // Counted (status) and remembered (dedupe) even when ignored: a re-run stays a duplicate.
    const pending = event && !leader ? { payload: body.toString('utf8') } : null;
    if (!(await deps.events.claim(stored, deps.now(), pending)))
      return { kind: 'duplicate', eventId: envelope.eventId };
    if (!event) {
      const reason = isKnownEventType(envelope.eventType) ? 'unreadable_resource' : 'unknown_event_type';
      deps.log.info(
        { eventType: envelope.eventType, eventId: envelope.eventId, reason },
        'Webhook event ignored',
      );
      return { kind: 'ignored', eventId: envelope.eventId, reason };
    }
    const applied = await this.apply(stored, event, { publish: leader });
    return applied
      ? { kind: 'applied', eventId: envelope.eventId, published: leader }
      : { kind: 'superseded', eventId: envelope.eventId };
  }

  /**
   * The leader's relay: applies what followers received and left pending (oldest first), so every
   * replica sees those events too. Returns how many were handled.
   */
  async relayPending(limit = 100): Promise<number> {
    const { deps } = this;
    if (!deps.fleet.isLeader()) return 0;
    const rows = await deps.events.pending(limit);
    for (const row of rows) {
      const parsed = parseEnvelope(row.payload);
      const event = parsed.ok ? toFleetEvent(parsed.envelope) : null;
      if (event) await this.apply(row, event, { publish: true });
      await deps.events.markApplied(row.eventId, deps.now());
    }
    return rows.length;
  }

  /**
   * The out-of-order rule, then the patch. An event is superseded when the snapshot comes from a
   * sync that started after the event happened (it already holds Level's word, or a later one),
   * or when an event about the same alert/device/group that happened later has been received.
   * Both compare Level's own `occurred_at`, never the order of arrival.
   */
  private async apply(
    stored: StoredEvent,
    event: FleetEvent,
    { publish }: { publish: boolean },
  ): Promise<boolean> {
    const { deps } = this;
    const since = deps.fleet.syncedSince();
    if (since !== null && stored.occurredAt < since) return false;
    if (await deps.events.newerExists(stored)) return false;
    const before = deps.fleet.current();
    if (!before) return false;
    const after = applyFleetEvent(before, event);
    if (after === before) return false;
    await deps.fleet.patch((data) => applyFleetEvent(data, event));
    if (publish) {
      const history = historyOf(before, event, stored.occurredAt);
      if (history)
        await deps
          .recordHistory(history)
          .catch((error: unknown) =>
            deps.log.warn(
              { error: String(error), eventId: stored.eventId },
              'Could not record a webhook event in history',
            ),
          );
    }
    return true;
  }
}
