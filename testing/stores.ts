import { migrate, openStore, type Engine, type Store } from '@/lib/db/open';
import { createTestDatabase } from '@/testing/postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

let counter = 0;

/** A new, empty store on the given engine: a temp SQLite file, or a fresh database on the test PostgreSQL. */
export async function openTestStore(
  engine: Engine,
  options: { migrate?: boolean } = {},
): Promise<Store & { databaseUrl?: string; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'levelboard-store-'));
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    counter += 1;
    databaseUrl = await createTestDatabase(
      inject('postgresUrl'),
      `t_${process.pid}_${counter}_${Date.now() % 100000}`,
    );
  }
  const store = openStore({ databaseUrl, dataDir });
  if (options.migrate !== false) await migrate(store);
  return {
    ...store,
    databaseUrl,
    dataDir,
    close: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
