import type {
  ClientDepartureTable,
  Database,
  DeviceMembershipTable,
  DeviceStateTable,
} from '@/lib/db/schema';
import type { Kysely } from 'kysely';
import 'server-only';

// Multi-row statements, sized well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const MAX_PARAMETERS = 8_000;

/** Runs `write` over slices of `rows` small enough for one statement each; returns the row count. */
export async function inChunks<T>(
  rows: readonly T[],
  columns: number,
  write: (chunk: T[]) => Promise<unknown>,
): Promise<number> {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
  return rows.length;
}

export function upsertDeviceStates(db: Kysely<Database>, rows: readonly DeviceStateTable[]) {
  return inChunks(rows, 4, (chunk) =>
    db
      .insertInto('device_states')
      .values(chunk)
      .onConflict((conflict) =>
        conflict.column('device_id').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          since: eb.ref('excluded.since'),
          seen_at: eb.ref('excluded.seen_at'),
        })),
      )
      .execute(),
  );
}

export function deleteDeviceStates(db: Kysely<Database>, ids: readonly string[]) {
  return inChunks(ids, 1, (chunk) =>
    db.deleteFrom('device_states').where('device_id', 'in', chunk).execute(),
  );
}

export function upsertMemberships(db: Kysely<Database>, rows: readonly DeviceMembershipTable[]) {
  return inChunks(rows, 5, (chunk) =>
    db
      .insertInto('device_memberships')
      .values(chunk)
      .onConflict((conflict) =>
        conflict.column('device_id').doUpdateSet((eb) => ({
          client_id: eb.ref('excluded.client_id'),
          name: eb.ref('excluded.name'),
          device_class: eb.ref('excluded.device_class'),
          joined_at: eb.ref('excluded.joined_at'),
        })),
      )
      .execute(),
  );
}

export function deleteMemberships(db: Kysely<Database>, ids: readonly string[]) {
  return inChunks(ids, 1, (chunk) =>
    db.deleteFrom('device_memberships').where('device_id', 'in', chunk).execute(),
  );
}

export function insertDepartures(db: Kysely<Database>, rows: readonly ClientDepartureTable[]) {
  // A replayed sync time cannot reach here (the recorder skips it), so the key never collides.
  return inChunks(rows, 7, (chunk) => db.insertInto('client_departures').values(chunk).execute());
}
