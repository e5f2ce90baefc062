import type { Store } from '@/lib/db/open';
import { sql } from 'kysely';
import 'server-only';

// The persisted side of the receiver (table webhook_events, migration 0006; signature failures in
// key_values, one counter per UTC day). Shared by every replica through the database.

const FAILURES_PREFIX = 'webhooks.signature-failures:';

export interface StoredEvent {
  eventId: string;
  eventType: string;
  resourceKey: string | null;
  occurredAt: number;
}

export interface PendingEvent extends StoredEvent {
  payload: string;
}

export interface StoredCounts {
  lastEventAt: number | null;
  lastEventType: string | null;
  eventsToday: number;
  signatureFailuresToday: number;
  lastSignatureFailureAt: number | null;
}

/** Midnight UTC of `now`'s day: "today" is the UTC day, the same on every replica. */
export const utcDayStart = (now: number) => now - (now % 86_400_000);
const dayKey = (now: number) => FAILURES_PREFIX + new Date(utcDayStart(now)).toISOString().slice(0, 10);

export class WebhookEventStore {
  constructor(private readonly store: Store) {}

  /**
   * Records an accepted event; false when its event_id is already here (a retry, a re-run, another
   * replica got it first). The primary key decides, so two replicas racing cannot both win.
   * `pending`: a follower leaves the event (and its body) for the leader to apply; otherwise it
   * is marked applied at once, so the leader's relay never applies it a second time.
   */
  async claim(event: StoredEvent, now: number, pending: { payload: string } | null = null): Promise<boolean> {
    const result = await this.store.db
      .insertInto('webhook_events')
      .values({
        event_id: event.eventId,
        event_type: event.eventType,
        resource_key: event.resourceKey,
        occurred_at: event.occurredAt,
        received_at: now,
        applied_at: pending ? null : now,
        payload: pending?.payload ?? null,
      })
      .onConflict((conflict) => conflict.column('event_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Has an event about the same resource, that happened later, been received? */
  async newerExists(event: StoredEvent): Promise<boolean> {
    if (event.resourceKey === null) return false;
    const row = await this.store.db
      .selectFrom('webhook_events')
      .select('event_id')
      .where('resource_key', '=', event.resourceKey)
      .where('occurred_at', '>', event.occurredAt)
      .where('event_id', '!=', event.eventId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async markApplied(eventId: string, now: number): Promise<void> {
    await this.store.db
      .updateTable('webhook_events')
      .set({ applied_at: now, payload: null })
      .where('event_id', '=', eventId)
      .execute();
  }

  /** Events a follower received and left for the leader, oldest first. */
  async pending(limit: number): Promise<PendingEvent[]> {
    const rows = await this.store.db
      .selectFrom('webhook_events')
      .select(['event_id', 'event_type', 'resource_key', 'occurred_at', 'payload'])
      .where('applied_at', 'is', null)
      .orderBy('occurred_at')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      eventId: row.event_id,
      eventType: row.event_type,
      resourceKey: row.resource_key,
      occurredAt: Number(row.occurred_at),
      payload: row.payload ?? '',
    }));
  }

  async countSignatureFailures(now: number, count: number): Promise<void> {
    const add = Math.max(1, Math.floor(count));
    await this.store.db
      .insertInto('key_values')
      .values({ key: dayKey(now), value: String(add), updated_at: now })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          value: sql<string>`CAST(CAST(key_values.value AS INTEGER) + ${add} AS TEXT)`,
          updated_at: now,
        }),
      )
      .execute();
  }

  async counts(now: number): Promise<StoredCounts> {
    const db = this.store.db;
    const [last, today, failures] = await Promise.all([
      db
        .selectFrom('webhook_events')
        .select(['received_at', 'event_type'])
        .orderBy('received_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
      db
        .selectFrom('webhook_events')
        .select(sql<number>`count(*)`.as('n'))
        .where('received_at', '>=', utcDayStart(now))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('key_values')
        .select(['value', 'updated_at'])
        .where('key', '=', dayKey(now))
        .executeTakeFirst(),
    ]);
    return {
      lastEventAt: last ? Number(last.received_at) : null,
      lastEventType: last?.event_type ?? null,
      eventsToday: Number(today.n),
      signatureFailuresToday: failures ? Number(failures.value) : 0,
      lastSignatureFailureAt: failures ? Number(failures.updated_at) : null,
    };
  }

  /**
   * Forgets events received before `before` and failure counters of earlier days. An event_id is
   * remembered long past Level's retries (minutes) so that a hand-made re-run from Level's request
   * log is still a duplicate; past the retention it would be applied again, which the out-of-order
   * rule and the next sync make harmless.
   */
  async prune(before: number): Promise<number> {
    const events = await this.store.db
      .deleteFrom('webhook_events')
      .where('received_at', '<', before)
      .executeTakeFirst();
    const counters = await this.store.db
      .deleteFrom('key_values')
      .where('key', 'like', `${FAILURES_PREFIX}%`)
      .where('key', '<', dayKey(before))
      .executeTakeFirst();
    return Number(events.numDeletedRows) + Number(counters.numDeletedRows);
  }
}
