import { FIVE_MINUTES, HOUR, MINUTE } from '@/lib/history/config';
import { HistoryReader } from '@/lib/history/reader';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

type Status = 'online' | 'offline' | 'maintenance';

// Outages placed at known times, written straight into the tables the recorder fills, so the
// expected uptime can be worked out by hand.
const W0 = Date.UTC(2026, 6, 1, 0, 0, 0);
const h = (hours: number) => W0 + hours * HOUR;

describe.each(ENGINES)('device history on %s', (engine) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  async function syncsEvery30s(from: number, to: number) {
    const rows = [];
    for (let t = from; t < to; t += 30_000) rows.push({ t, duration_ms: 10, devices: 3, level_requests: 2 });
    for (let i = 0; i < rows.length; i += 500)
      await store.db
        .insertInto('sync_log')
        .values(rows.slice(i, i + 500))
        .execute();
  }

  async function device(
    id: string,
    state: { status: Status; since: number; seen_at: number },
    changes: [number, Status, Status][],
  ) {
    await store.db
      .insertInto('device_states')
      .values({ device_id: id, ...state })
      .execute();
    for (const [at, from_status, to_status] of changes)
      await store.db
        .insertInto('device_transitions')
        .values({ device_id: id, at, from_status, to_status })
        .execute();
  }

  it('computes uptime over watched time only, maintenance excluded, and lists the transitions', async () => {
    // Levelboard watches 0–4 h and 5–10 h (down 4–5 h); it first saw the device at 0.5 h.
    await syncsEvery30s(h(0), h(4));
    await syncsEvery30s(h(5), h(10));
    const changes: [number, Status, Status][] = [
      [h(1), 'online', 'offline'],
      [h(2), 'offline', 'online'],
      [h(3), 'online', 'maintenance'],
      [h(3.5), 'maintenance', 'online'],
      [h(4.5), 'online', 'offline'],
      [h(6), 'offline', 'online'],
      [h(7), 'online', 'offline'],
      [h(8), 'offline', 'online'],
    ];
    await device('x', { status: 'online', since: h(8), seen_at: h(0.5) }, changes);
    const reader = new HistoryReader(store, { now: () => h(10) });
    const history = await reader.device('x', { from: h(0), to: h(10) });
    // Online: 0.5–1, 2–3, 3.5–4, 6–7, 8–10 = 5 h, plus the 90 s the last sync before the outage
    // (at 3 h 59 m 30 s) vouches for. Offline: 1–2, 5–6 (4.5–5 unwatched), 7–8 = 3 h.
    const online = 5 * 60 + 1.5;
    expect(history.uptimePct).toBe(Math.round((online / (online + 3 * 60)) * 10_000) / 100);
    expect(history).toMatchObject({ status: 'online', offlineSince: null, truncated: false });
    expect(history.knownSince).toBe(new Date(h(0.5)).toISOString());
    expect(history.transitions).toEqual(
      changes.map(([at, from, to]) => ({ at: new Date(at).toISOString(), from, to })),
    );

    // A window inside one outage, and one before the device was known.
    expect((await reader.device('x', { from: h(1.25), to: h(1.75) })).uptimePct).toBe(0);
    expect((await reader.device('x', { from: h(0), to: h(0.5) })).uptimePct).toBeNull();
    const recent = await reader.device('x', { from: h(6.5), to: h(10) });
    expect(recent.uptimePct).toBeCloseTo((2.5 / 3.5) * 100, 2);
    expect(recent.transitions.map((t) => t.at)).toEqual([
      new Date(h(7)).toISOString(),
      new Date(h(8)).toISOString(),
    ]);
  });

  it('weights time before the kept sync log by the fleet rollups’ coverage', async () => {
    await syncsEvery30s(h(0), h(1));
    // 5-minute rows carried forward: -2 h to -1 h fully watched, -1 h to 0 half watched.
    const metrics = {
      total: 1,
      online: 1,
      offline: 0,
      maintenance: 0,
      alerts_information: 0,
      alerts_warning: 0,
      alerts_critical: 0,
      alerts_emergency: 0,
      security_sum: 0,
      security_count: 0,
    };
    await store.db
      .insertInto('history_rollups')
      .values([
        { resolution: '5m', scope: 'fleet', bucket: h(-2), covered_ms: FIVE_MINUTES, ...metrics },
        { resolution: '5m', scope: 'fleet', bucket: h(-1), covered_ms: FIVE_MINUTES / 2, ...metrics },
      ])
      .execute();
    await store.db
      .insertInto('key_values')
      .values({ key: 'history.rollup.5m.through', value: String(h(0)), updated_at: h(0) })
      .execute();
    await device('y', { status: 'online', since: h(-0.5), seen_at: h(-2) }, [
      [h(-1.5), 'online', 'offline'],
      [h(-0.5), 'offline', 'online'],
    ]);
    const reader = new HistoryReader(store, { now: () => h(1) });
    // Online 30 min + 15 min (half watched) + 60 min; offline 30 min + 15 min (half watched).
    expect((await reader.device('y', { from: h(-2), to: h(1) })).uptimePct).toBe(70);
  });

  it('reports offline since: from the recorded change, from Level’s last-seen time, or from the snapshot', async () => {
    await syncsEvery30s(h(0), h(2));
    await device('went-down', { status: 'offline', since: h(1.5), seen_at: h(0) }, [
      [h(1.5), 'online', 'offline'],
    ]);
    // First seen offline: the recorder stored Level's last-seen time as `since`.
    await device('found-down', { status: 'offline', since: h(-30), seen_at: h(0) }, []);
    const reader = new HistoryReader(store, { now: () => h(2) });
    const window = { range: '24h' } as const;
    expect((await reader.device('went-down', window)).offlineSince).toBe(new Date(h(1.5)).toISOString());
    const found = await reader.device('found-down', window);
    expect(found).toMatchObject({
      offlineSince: new Date(h(-30)).toISOString(),
      uptimePct: 0,
      transitions: [],
    });
    // Not recorded yet (the first sync is still being written): the snapshot's word.
    const fresh = await reader.device('brand-new', window, {
      status: 'offline',
      lastSeenAt: new Date(h(1) + 5 * MINUTE).toISOString(),
    });
    expect(fresh).toMatchObject({ status: 'offline', uptimePct: null, knownSince: null });
    expect(fresh.offlineSince).toBe(new Date(h(1) + 5 * MINUTE).toISOString());
  });
});
