import { migrations } from '@/lib/db/migrations';
import type { Database } from '@/lib/db/schema';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResultSet } from 'kysely';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import 'server-only';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, without credentials (for logs and the admin page). */
  location: string;
  /** PostgreSQL only: the pool, for session-level advisory locks. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// int8 (BIGINT) arrives as a string by default; our BIGINTs are epoch milliseconds and counters,
// well inside Number's exact range.
pg.types.setTypeParser(20, (value) => Number(value));

export const sqliteFile = (dataDir: string) => path.resolve(dataDir, 'levelboard.db');

/**
 * The database holds audit entries and link metadata: readable by its owner only. SQLite gives
 * the -wal and -shm files the main file's mode, so creating that one 0600 covers all three;
 * files left by an older version are tightened.
 */
function ownerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const candidate of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(candidate) && (statSync(candidate).mode & 0o077) !== 0) chmodSync(candidate, 0o600);
  }
}

export function openStore(options: { databaseUrl?: string; dataDir: string }): Store {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const url = new URL(options.databaseUrl);
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      engine: 'postgres',
      location: `postgres://${url.host}${url.pathname}`,
      pool,
      close: async () => {
        await pool.end().catch(() => {});
      },
    };
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = sqliteFile(options.dataDir);
  ownerOnly(file);
  const sqlite = new BetterSqlite3(file);
  // WAL: readers never block the writer; NORMAL sync keeps every committed transaction through a
  // process crash (kill -9), which is the failure a self-hosted server actually meets.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    engine: 'sqlite',
    location: file,
    close: async () => {
      await db.destroy();
    },
  };
}

/** Applies pending migrations; throws with the failing migration's name and cause. */
export async function migrate(store: Store): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations(store.engine) },
    migrationTableName: 'levelboard_migrations',
    migrationLockTableName: 'levelboard_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Database migration "${failed}" failed: ${cause}`);
  }
  return result;
}
