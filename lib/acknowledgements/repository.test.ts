import { whichAcknowledged } from '@/lib/acknowledgements/acknowledged';
import {
  deleteAcknowledgement,
  deleteAcknowledgements,
  listAcknowledgements,
  saveAcknowledgement,
} from '@/lib/acknowledgements/repository';
import { alertProblemKey, offlineProblemKey } from '@/lib/domain/acknowledgement';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

describe.each(ENGINES)('acknowledgements on %s', (engine) => {
  it('keeps one row per problem key; acknowledging again replaces the note', async () => {
    const store = await openTestStore(engine);
    try {
      const alert = alertProblemKey('a1');
      const offline = offlineProblemKey('d1', '2026-12-06T10:00:00.000Z');
      await saveAcknowledgement(store, { key: alert, by: 'admin', note: 'on it', at: 1_000 });
      await saveAcknowledgement(store, { key: offline, by: 'admin', note: null, at: 2_000 });
      await saveAcknowledgement(store, { key: alert, by: 'admin', note: 'ISP called', at: 3_000 });
      expect(await listAcknowledgements(store)).toEqual([
        { key: alert, by: 'admin', note: 'ISP called', at: 3_000 },
        { key: offline, by: 'admin', note: null, at: 2_000 },
      ]);
      expect(await deleteAcknowledgement(store, alert)).toBe(true);
      expect(await deleteAcknowledgement(store, alert)).toBe(false);
      expect((await listAcknowledgements(store)).map((row) => row.key)).toEqual([offline]);
    } finally {
      await store.close();
    }
  });

  it('prunes only the given keys written before the cut-off', async () => {
    const store = await openTestStore(engine);
    try {
      for (const [id, at] of [
        ['old', 1_000],
        ['young', 9_000],
        ['kept', 1_000],
      ] as const)
        await saveAcknowledgement(store, { key: alertProblemKey(id), by: 'admin', note: null, at });
      const deleted = await deleteAcknowledgements(
        store,
        [alertProblemKey('old'), alertProblemKey('young')],
        5_000,
      );
      expect(deleted).toBe(1);
      expect((await listAcknowledgements(store)).map((row) => row.key)).toEqual([
        'alert:kept',
        'alert:young',
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('whichAcknowledged', () => {
  const row = (key: string, note: string | null = null) => ({
    key,
    by: 'admin',
    note,
    at: Date.UTC(2026, 11, 6, 10, 42),
  });

  it('applies a row while its problem exists, and calls the rest stale', () => {
    const { live, stale } = whichAcknowledged(
      [row('alert:a1', 'on it'), row('alert:gone'), row('offline:d1@2026-12-06T09:00:00.000Z')],
      new Set(['alert:a1', 'alert:a2', 'offline:d1@2026-12-06T09:00:00.000Z']),
    );
    expect([...live]).toEqual([
      ['alert:a1', { note: 'on it', at: '2026-12-06T10:42:00.000Z' }],
      ['offline:d1@2026-12-06T09:00:00.000Z', { note: null, at: '2026-12-06T10:42:00.000Z' }],
    ]);
    expect(stale).toEqual(['alert:gone']);
  });

  it('does not apply to a device that went offline again (a new outage is a new problem)', () => {
    const before = offlineProblemKey('d1', '2026-12-06T09:00:00.000Z');
    const again = offlineProblemKey('d1', '2026-12-06T11:00:00.000Z');
    const { live, stale } = whichAcknowledged([row(before)], new Set([again]));
    expect(live.size).toBe(0);
    expect(stale).toEqual([before]);
  });
});
