import type { Database, NotificationOutboxTable } from '@/lib/db/schema';
import type { Kysely } from 'kysely';
import 'server-only';

// The outbox's state machine, on both engines. Every transition is one conditional UPDATE whose
// WHERE names the state it leaves (and, for a claim, the attempt number seen), so two senders can
// never both win the same row: on PostgreSQL the second UPDATE re-checks the row after the first
// commits and matches nothing; SQLite runs writes one at a time.
//
//   pending ──claim──▶ sending ──complete──▶ sent
//      ▲                  │ ├──fail / last attempt──▶ failed
//      └──retry (back-off)┘ └──lease expired (the sender died)──▶ pending (or failed)
//
// Delivery guarantee. A row is written before anything is sent (lib/notify/outbox-write.ts), so a
// crash never loses a message. A row is sent only by the sender that claimed it, so two replicas
// never send it twice. The one window that can resend: a sender dies (kill -9, power loss) after
// the receiver accepted the request and before `complete` commits. The row stays `sending`, its
// lease runs out, and the message goes again: at-least-once there, exactly-once everywhere else.
// Every attempt carries the row's id as an idempotency key (X-Levelboard-Delivery on webhooks,
// PagerDuty's dedup_key, the e-mail Message-ID), so a receiver that cares can drop the repeat.

/** A row left `sending` this long belongs to a sender that died; far above an attempt's timeout. */
export const LEASE_MS = 2 * 60_000;
/** After this many attempts a message fails for good (about two hours of back-off). */
export const MAX_ATTEMPTS = 10;
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 30 * 60_000;
/** A receiver may ask for a pause (429 Retry-After); longer than this and we ask again sooner. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;
/** The rate cap's sliding window. */
export const RATE_WINDOW_MS = 60_000;
const MAX_TEXT = 500;

type Db = Kysely<Database>;
type Row = NotificationOutboxTable;

export interface DueRow {
  id: string;
  channelId: string;
  kind: Row['kind'];
  message: string;
  attempts: number;
  createdAt: number;
}

/** A claim held by this sender: the proof it must show to settle the row. */
export interface Claim {
  id: string;
  claimedBy: string;
  claimedAt: number;
  /** Attempts including this one. */
  attempt: number;
}

export interface AttemptRecord {
  status: number | null;
  error: string | null;
  answer: string | null;
}

const clip = (text: string | null) => (text === null ? null : text.slice(0, MAX_TEXT));

/**
 * Delay before attempt `attempt + 1`, after `attempt` attempts failed: 30 s, 1, 2, 4, 8, 16 min,
 * then 30 min, each ±20 % so a burst that failed together does not retry together.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
  return Math.round(Math.min(base * (0.8 + 0.4 * random()), MAX_BACKOFF_MS));
}

/** Due rows, oldest first. */
export async function dueRows(db: Db, now: number, limit: number): Promise<DueRow[]> {
  const rows = await db
    .selectFrom('notification_outbox')
    .select(['id', 'channel_id', 'kind', 'message', 'attempts', 'created_at'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channel_id,
    kind: row.kind,
    message: row.message,
    attempts: row.attempts,
    createdAt: row.created_at,
  }));
}

/** Takes the row for one attempt; null when another sender took it (or it changed) first. */
export async function claim(db: Db, row: DueRow, claimedBy: string, now: number): Promise<Claim | null> {
  const result = await db
    .updateTable('notification_outbox')
    .set({ status: 'sending', claimed_at: now, claimed_by: claimedBy })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return { id: row.id, claimedBy, claimedAt: now, attempt: row.attempts + 1 };
}

/** Settles a claimed row; false when the claim was lost (the lease ran out and someone else took it). */
async function settle(db: Db, held: Claim, values: Partial<Row>): Promise<boolean> {
  const result = await db
    .updateTable('notification_outbox')
    .set({ ...values, attempts: held.attempt })
    .where('id', '=', held.id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', held.claimedBy)
    .where('claimed_at', '=', held.claimedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function complete(db: Db, held: Claim, record: AttemptRecord, now: number): Promise<boolean> {
  return settle(db, held, {
    status: 'sent',
    sent_at: now,
    last_status: record.status,
    last_error: null,
    last_answer: clip(record.answer),
  });
}

export function fail(db: Db, held: Claim, record: AttemptRecord): Promise<boolean> {
  return settle(db, held, {
    status: 'failed',
    last_status: record.status,
    last_error: clip(record.error),
    last_answer: clip(record.answer),
  });
}

/**
 * Schedules the next attempt, or fails the row when this was the last one. A receiver's
 * Retry-After wins over the back-off when it is longer. Returns what became of the row.
 */
export async function retry(
  db: Db,
  held: Claim,
  record: AttemptRecord & { retryAfterMs: number | null },
  now: number,
  random?: () => number,
): Promise<{ settled: boolean; status: 'pending' | 'failed'; nextAttemptAt: number | null }> {
  if (held.attempt >= MAX_ATTEMPTS) {
    const error = `Gave up after ${held.attempt} attempts: ${record.error ?? 'no answer'}`;
    const settled = await fail(db, held, { ...record, error });
    return { settled, status: 'failed', nextAttemptAt: null };
  }
  const asked = Math.min(Math.max(record.retryAfterMs ?? 0, 0), MAX_RETRY_AFTER_MS);
  const nextAttemptAt = now + Math.max(backoffMs(held.attempt, random), asked);
  const settled = await settle(db, held, {
    status: 'pending',
    next_attempt_at: nextAttemptAt,
    last_status: record.status,
    last_error: clip(record.error),
    last_answer: clip(record.answer),
  });
  return { settled, status: 'pending', nextAttemptAt };
}

/** Fails a pending row without an attempt (its channel was deleted or disabled). */
export async function failUnsent(db: Db, row: DueRow, error: string): Promise<boolean> {
  const result = await db
    .updateTable('notification_outbox')
    .set({ status: 'failed', last_status: null, last_error: clip(error), last_answer: null })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves pending rows of a channel to a later time without counting an attempt (rate cap, 429). */
export async function defer(db: Db, rows: readonly DueRow[], until: number): Promise<number> {
  let moved = 0;
  for (const row of rows) {
    const result = await db
      .updateTable('notification_outbox')
      .set({ next_attempt_at: until })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', row.attempts)
      .where('next_attempt_at', '<', until)
      .executeTakeFirst();
    moved += Number(result.numUpdatedRows);
  }
  return moved;
}

/**
 * Attempts started for a channel within the window, whatever came of them (a receiver counts
 * requests, not successes), oldest first. Read from the outbox, so the cap holds across restarts.
 */
export async function attemptsInWindow(db: Db, channelId: string, now: number): Promise<number[]> {
  const rows = await db
    .selectFrom('notification_outbox')
    .select('claimed_at')
    .where('channel_id', '=', channelId)
    .where('claimed_at', '>', now - RATE_WINDOW_MS)
    .orderBy('claimed_at')
    .execute();
  return rows.flatMap((row) => (row.claimed_at === null ? [] : [row.claimed_at]));
}

/**
 * Rows whose sender died mid-attempt go back to pending (the attempt counts: a message that
 * crashes its sender every time must still end). Returns how many were recovered.
 */
export async function recoverExpired(db: Db, now: number): Promise<{ retried: number; failed: number }> {
  const expired = now - LEASE_MS;
  const error = 'The sender stopped during this attempt (it may have reached the receiver); sending again';
  const failed = await db
    .updateTable('notification_outbox')
    .set((eb) => ({
      status: 'failed',
      attempts: eb('attempts', '+', 1),
      last_error: `Gave up after ${MAX_ATTEMPTS} attempts: the sender stopped during the last one`,
    }))
    .where('status', '=', 'sending')
    .where('claimed_at', '<', expired)
    .where('attempts', '>=', MAX_ATTEMPTS - 1)
    .executeTakeFirst();
  const retried = await db
    .updateTable('notification_outbox')
    .set((eb) => ({
      status: 'pending',
      attempts: eb('attempts', '+', 1),
      next_attempt_at: now,
      last_error: error,
    }))
    .where('status', '=', 'sending')
    .where('claimed_at', '<', expired)
    .executeTakeFirst();
  return { retried: Number(retried.numUpdatedRows), failed: Number(failed.numUpdatedRows) };
}

/** Rows waiting to go out (pending or being sent). */
export async function countUnsent(db: Db): Promise<number> {
  const row = await db
    .selectFrom('notification_outbox')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Forgets settled rows older than `keepMs` (the delivery log's reach). */
export async function pruneSettled(db: Db, now: number, keepMs: number): Promise<number> {
  const result = await db
    .deleteFrom('notification_outbox')
    .where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', now - keepMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
