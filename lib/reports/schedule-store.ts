import type { Store } from '@/lib/db/open';
import type { ReportScheduleTable } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/domain/errors';
import { reportScheduleDefinitionSchema, type ReportScheduleDefinition } from '@/lib/domain/report-settings';
import { nextRunAfter } from '@/lib/reports/schedule';
import type { Selectable } from 'kysely';
import { randomUUID } from 'node:crypto';
import 'server-only';

// Report schedules on both engines. `next_run_at` is the claim: a scheduler takes a due schedule
// by moving it to the following run with an UPDATE conditional on the value it read, so of two
// replicas (or a leader hand-over) exactly one sees a row updated and sends that report.

export interface StoredSchedule {
  id: string;
  clientId: string;
  definition: ReportScheduleDefinition;
  enabled: boolean;
  nextRunAt: number | null;
  lastRunAt: number | null;
  createdAt: number;
  updatedAt: number;
}

function toSchedule(row: Selectable<ReportScheduleTable>): StoredSchedule {
  const parsed = reportScheduleDefinitionSchema.safeParse(JSON.parse(row.definition));
  return {
    id: row.id,
    clientId: row.client_id,
    // A definition an older version wrote that no longer parses is kept but never runs.
    definition: parsed.success ? parsed.data : (JSON.parse(row.definition) as ReportScheduleDefinition),
    enabled: row.enabled === 1 && parsed.success,
    nextRunAt: row.next_run_at === null ? null : Number(row.next_run_at),
    lastRunAt: row.last_run_at === null ? null : Number(row.last_run_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export async function listSchedules(store: Store): Promise<StoredSchedule[]> {
  const rows = await store.db
    .selectFrom('report_schedules')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toSchedule);
}

export async function getSchedule(store: Store, id: string): Promise<StoredSchedule | null> {
  const row = await store.db
    .selectFrom('report_schedules')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSchedule(row) : null;
}

export async function createSchedule(
  store: Store,
  input: { clientId: string; definition: ReportScheduleDefinition; enabled: boolean },
  now: number,
): Promise<StoredSchedule> {
  const id = randomUUID();
  await store.db
    .insertInto('report_schedules')
    .values({
      id,
      client_id: input.clientId,
      definition: JSON.stringify(input.definition),
      enabled: input.enabled ? 1 : 0,
      next_run_at: input.enabled ? nextRunAfter(input.definition, now) : null,
      last_run_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const created = await getSchedule(store, id);
  if (!created) throw new Error('schedule vanished after insert');
  return created;
}

/** Replaces the definition and/or the switch; the next run is worked out again from `now`. */
export async function updateSchedule(
  store: Store,
  id: string,
  changes: { definition?: ReportScheduleDefinition; enabled?: boolean },
  now: number,
): Promise<StoredSchedule> {
  const current = await getSchedule(store, id);
  if (!current) throw new NotFoundError(`No report schedule with id "${id}".`);
  const definition = changes.definition ?? current.definition;
  const enabled = changes.enabled ?? current.enabled;
  await store.db
    .updateTable('report_schedules')
    .set({
      definition: JSON.stringify(definition),
      enabled: enabled ? 1 : 0,
      next_run_at: enabled ? nextRunAfter(definition, now) : null,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  const updated = await getSchedule(store, id);
  if (!updated) throw new NotFoundError(`No report schedule with id "${id}".`);
  return updated;
}

export async function deleteSchedule(store: Store, id: string): Promise<StoredSchedule> {
  const current = await getSchedule(store, id);
  if (!current) throw new NotFoundError(`No report schedule with id "${id}".`);
  await store.db.deleteFrom('report_schedules').where('id', '=', id).execute();
  return current;
}

/** Enabled schedules whose run is due at `now`, earliest first. */
export async function dueSchedules(store: Store, now: number, limit = 20): Promise<StoredSchedule[]> {
  const rows = await store.db
    .selectFrom('report_schedules')
    .selectAll()
    .where('enabled', '=', 1)
    .where('next_run_at', 'is not', null)
    .where('next_run_at', '<=', now)
    .orderBy('next_run_at')
    .limit(limit)
    .execute();
  return rows.map(toSchedule);
}

/**
 * Takes a due run: moves `next_run_at` from the value read to the run after `now`. True for the
 * one caller whose UPDATE changed the row; any other (a second replica) gets false and sends nothing.
 */
export async function claimRun(store: Store, schedule: StoredSchedule, now: number): Promise<boolean> {
  if (schedule.nextRunAt === null) return false;
  const result = await store.db
    .updateTable('report_schedules')
    .set({ next_run_at: nextRunAfter(schedule.definition, now), last_run_at: schedule.nextRunAt })
    .where('id', '=', schedule.id)
    .where('enabled', '=', 1)
    .where('next_run_at', '=', schedule.nextRunAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
