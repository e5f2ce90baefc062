// Databases for bench:history: a temp SQLite file, or a database on a throw-away local PostgreSQL
// whose fsync is switched back on (the test server runs without it; a benchmark of writes must pay).
import { migrate, openStore, type Engine, type Store } from '@/lib/db/open';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '@/testing/postgres';
import { sql } from 'kysely';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type { Engine };
export type BenchStore = Store & { dispose(): Promise<void> };

let postgres: TestPostgres | null = null;

export async function openBenchStore(engine: Engine, name: string): Promise<BenchStore> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'levelboard-bench-history-'));
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    if (!postgres) {
      postgres = await startTestPostgres();
      const admin = openStore({ databaseUrl: postgres.url, dataDir });
      await sql`ALTER SYSTEM SET fsync = on`.execute(admin.db);
      await sql`SELECT pg_reload_conf()`.execute(admin.db);
      await admin.close();
    }
    databaseUrl = await createTestDatabase(postgres.url, name);
  }
  const store = openStore({ databaseUrl, dataDir });
  await migrate(store);
  return {
    ...store,
    dispose: async () => (await store.close(), rmSync(dataDir, { recursive: true, force: true })),
  };
}

export function stopBenchPostgres(): void {
  postgres?.stop();
  postgres = null;
}

export const HISTORY_TABLES = [
  'history_samples',
  'history_rollups',
  'sync_log',
  'device_states',
  'device_transitions',
  'alert_events',
  'key_values',
] as const;

export async function rowCounts(store: Store): Promise<Record<(typeof HISTORY_TABLES)[number], number>> {
  const out = {} as Record<(typeof HISTORY_TABLES)[number], number>;
  for (const table of HISTORY_TABLES) {
    const row = await store.db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

export interface DatabaseSize {
  /** SQLite: main file + WAL after a checkpoint; PostgreSQL: pg_database_size. */
  bytes: number;
  /** SQLite only: the WAL before that checkpoint (what a running server typically also has on disk). */
  walBefore?: number;
  /** Pages holding data (SQLite: not on the freelist; PostgreSQL: sum of our relations). */
  live: number;
  /** Bytes per table or index. */
  objects: { name: string; bytes: number }[];
}

const fileSize = (file: string) => (existsSync(file) ? statSync(file).size : 0);

export async function databaseSize(store: Store): Promise<DatabaseSize> {
  if (store.engine === 'sqlite') {
    const walBefore = fileSize(`${store.location}-wal`);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    const pragma = async (name: string) =>
      Number(Object.values((await sql.raw(`PRAGMA ${name}`).execute(store.db)).rows[0] ?? {})[0] ?? 0);
    const pageSize = await pragma('page_size');
    const live = ((await pragma('page_count')) - (await pragma('freelist_count'))) * pageSize;
    const objects = await sql<{ name: string; bytes: number }>`
      SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC`
      .execute(store.db)
      .then(
        (r) => r.rows,
        () => [],
      );
    const bytes = fileSize(store.location) + fileSize(`${store.location}-wal`);
    return { bytes, walBefore, live, objects };
  }
  const total = await sql<{ bytes: string }>`SELECT pg_database_size(current_database()) AS bytes`.execute(
    store.db,
  );
  const relations = await sql<{ name: string; bytes: string }>`
    SELECT relname AS name, pg_total_relation_size(relid) AS bytes
    FROM pg_catalog.pg_statio_user_tables ORDER BY 2 DESC`.execute(store.db);
  const objects = relations.rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) }));
  return {
    bytes: Number(total.rows[0]?.bytes ?? 0),
    live: objects.reduce((sum, o) => sum + o.bytes, 0),
    objects,
  };
}
