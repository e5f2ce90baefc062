import { migrate, openStore, sqliteFile, type Store } from '@/lib/db/open';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { processWide } from '@/lib/process-wide';
import 'server-only';

declare module '@/lib/process-wide' {
  interface ProcessWide {
    store: Promise<Store>;
  }
}

/** A committed write, so a database that opens and reads but cannot be written fails at start-up too. */
async function checkWritable(store: Store): Promise<void> {
  const now = Date.now();
  await store.db
    .insertInto('key_values')
    .values({ key: 'db:write-check', value: String(now), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(now), updated_at: now }))
    .execute();
}

/**
 * The process's one database, opened, migrated and proven writable before anything reads it.
 * One that cannot be stops the process with its location and the cause: serving without it would
 * answer 500 forever, while an exit lets Docker's restart policy and healthcheck see the problem.
 */
export function getStore(): Promise<Store> {
  return processWide('store', async () => {
    const env = getEnv();
    const location = env.DATABASE_URL ? 'postgres (DATABASE_URL)' : `sqlite at ${sqliteFile(env.DATA_DIR)}`;
    let store: Store | undefined;
    try {
      store = openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
      const result = await migrate(store);
      await checkWritable(store);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      logger.info({ engine: store.engine, location: store.location, applied }, 'Database ready');
      return store;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const where = store ? `${store.engine} at ${store.location}` : location;
      console.error(`Levelboard cannot start: the database is unusable (${where}): ${message}`);
      process.exit(1);
    }
  });
}
