import { migrate, openStore } from '@/lib/db/open';
import { ENGINES, openTestStore } from '@/testing/stores';
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const KILLS = Number(process.env.DURABILITY_KILLS ?? 20);

/** Runs the writer until it has committed a few syncs, then kills it with SIGKILL mid-stream. */
function runAndKill(args: string[], committed: Set<number>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'testing/durability-writer.ts', ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    let buffer = '';
    let seen = 0;
    const killAfter = 3 + Math.floor(Math.random() * 6);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d+)$/.exec(line);
        if (!match) continue;
        committed.add(Number(match[1]));
        seen += 1;
        // Kill at a random moment after the n-th commit: usually inside the next transaction.
        if (seen === killAfter) setTimeout(() => child.kill('SIGKILL'), Math.random() * 40);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited ${code}: ${stderr}`));
    });
  });
}

describe.each(ENGINES)('durability on %s', (engine) => {
  it(
    `keeps every committed sync through ${KILLS} kill -9s and stays consistent`,
    { timeout: 240_000 },
    async () => {
      const seed = await openTestStore(engine, { migrate: false });
      const args = [seed.dataDir, ...(seed.databaseUrl ? [seed.databaseUrl] : [])];
      await seed.close().catch(() => {});
      const committed = new Set<number>();
      for (let kill = 0; kill < KILLS; kill += 1) await runAndKill(args, committed);

      const store = openStore({ dataDir: args[0] ?? '', databaseUrl: args[1] });
      try {
        await migrate(store);
        if (engine === 'sqlite') {
          const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
          expect(check.rows[0]?.integrity_check).toBe('ok');
        }
        const logged = new Set(
          (await store.db.selectFrom('sync_log').select('t').execute()).map((row) => row.t),
        );
        const lost = [...committed].filter((t) => !logged.has(t));
        expect(committed.size).toBeGreaterThanOrEqual(KILLS * 3);
        expect(lost).toEqual([]);
        // Every sync's fleet sample is there (written at least per 5-minute bucket and on change).
        const fleetSamples = await store.db
          .selectFrom('history_samples')
          .select('t')
          .where('scope', '=', 'fleet')
          .execute();
        expect(fleetSamples.length).toBeGreaterThan(0);
        // Device states agree with the last recorded transition of each device.
        const states = await store.db.selectFrom('device_states').selectAll().execute();
        const transitions = await store.db
          .selectFrom('device_transitions')
          .select(['device_id', 'at', 'to_status', 'id'])
          .orderBy('at')
          .orderBy('id')
          .execute();
        const lastTransition = new Map(transitions.map((row) => [row.device_id, row.to_status]));
        for (const state of states) {
          const lastTo = lastTransition.get(state.device_id);
          if (lastTo) expect(state.status, state.device_id).toBe(lastTo);
        }
        expect(
          await store.db.selectFrom('fleet_snapshots').select('version').executeTakeFirst(),
        ).toBeDefined();
      } finally {
        await store.close();
      }
    },
  );
});
