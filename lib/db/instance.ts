import { migrate, openStore, type Store } from '@/lib/db/open';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import 'server-only';

const slot = globalThis as typeof globalThis & { __levelboardStore?: Promise<Store> };

/**
 * The process's one database, migrated before anything reads it. A database that cannot be
 * opened or migrated stops the process with the reason: serving without it would lose data.
 */
export function getStore(): Promise<Store> {
  slot.__levelboardStore ??= (async () => {
    const env = getEnv();
    const store = openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const result = await migrate(store);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      logger.info({ engine: store.engine, location: store.location, applied }, 'Database ready');
      return store;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Levelboard cannot start: ${message} (${store.engine} at ${store.location}).`);
      process.exit(1);
    }
  })();
  return slot.__levelboardStore;
}
