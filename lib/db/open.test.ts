import { migrate, openStore } from '@/lib/db/open';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const mode = (file: string) => statSync(file).mode & 0o777;
let root: string | undefined;

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('SQLite files are for their owner only', () => {
  it('creates the data directory 0700 and the database, WAL and shared-memory files 0600', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'levelboard-perm-'));
    const dataDir = path.join(root, 'data');
    const store = openStore({ dataDir });
    try {
      await migrate(store);
      expect(mode(dataDir).toString(8)).toBe('700');
      for (const file of ['levelboard.db', 'levelboard.db-wal', 'levelboard.db-shm']) {
        expect(mode(path.join(dataDir, file)).toString(8), file).toBe('600');
      }
    } finally {
      await store.close();
    }
  });

  it('tightens a world-readable database left by an older version', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'levelboard-perm-'));
    const file = path.join(root, 'levelboard.db');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const store = openStore({ dataDir: root });
    await store.close();
    expect(mode(file).toString(8)).toBe('600');
  });
});
