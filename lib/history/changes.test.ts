import { HistoryReader } from '@/lib/history/reader';
import { HistoryRecorder } from '@/lib/history/recorder';
import { makeAlert, makeGroup, makeSnapshot, type DeviceSpec } from '@/testing/history-fleet';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const T0 = Date.UTC(2026, 8, 9, 14, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;
const iso = (t: number) => new Date(t).toISOString();

describe.each(ENGINES)('recent changes on %s', (engine) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  it('lists transitions and alert events newest first, filtered and described', async () => {
    const recorder = new HistoryRecorder(store);
    const groups = [makeGroup('g1')];
    const devices: DeviceSpec[] = [
      { id: 'd1', groupId: 'g1' },
      { id: 'd2', groupId: 'g1' },
    ];
    const old = makeAlert('a0', 'd1', T0 - 3_600_000);
    const fresh = makeAlert('a1', 'd2', s(50), 'critical');
    const record = (at: number, specs: DeviceSpec[], alerts = [old], resolved: typeof alerts = []) =>
      recorder.record(makeSnapshot(specs, { groups, alerts, resolved }), {
        durationMs: 1,
        levelRequests: 1,
        at,
      });

    await record(T0, devices);
    await record(s(30), [{ ...devices[0]!, online: false, lastSeenAt: s(10) }, devices[1]!]);
    await record(s(60), [{ ...devices[0]!, online: false, lastSeenAt: s(10) }, devices[1]!], [old, fresh]);
    await record(
      s(90),
      [
        { ...devices[0]!, online: false, lastSeenAt: s(10) },
        { ...devices[1]!, maintenance: true },
      ],
      [old, fresh],
    );
    await record(
      s(120),
      [
        { ...devices[0]!, lastSeenAt: s(115) },
        { ...devices[1]!, maintenance: true },
      ],
      [old],
      [{ ...fresh, resolved: true, resolvedAt: iso(s(100)) }],
    );

    const history = new HistoryReader(store);
    const all = await history.changes({
      since: T0,
      limit: 10,
      describe: (id) => ({ hostname: `host-${id}`, groupId: 'g1', clientName: 'Client' }),
    });
    expect(all.map((e) => [e.at, e.kind, e.deviceId, e.alertId])).toEqual([
      [iso(s(115)), 'device_online', 'd1', null],
      [iso(s(100)), 'alert_resolved', 'd2', 'a1'],
      [iso(s(90)), 'maintenance_on', 'd2', null],
      [iso(s(50)), 'alert_opened', 'd2', 'a1'],
      [iso(s(10)), 'device_offline', 'd1', null],
    ]);
    expect(all[1]).toEqual({
      at: iso(s(100)),
      kind: 'alert_resolved',
      deviceId: 'd2',
      hostname: 'host-d2',
      groupId: 'g1',
      clientName: 'Client',
      alertId: 'a1',
      alertName: 'alert a1',
      severity: 'critical',
    });
    expect((await history.changes({ since: T0, limit: 2 })).map((e) => e.kind)).toEqual([
      'device_online',
      'alert_resolved',
    ]);
    const d2 = await history.changes({ since: T0, limit: 10, include: (id) => id === 'd2' });
    expect(d2.map((e) => e.kind)).toEqual(['alert_resolved', 'maintenance_on', 'alert_opened']);
    const earlier = await history.changes({ since: T0 - 7_200_000, until: s(20), limit: 10 });
    expect(earlier.map((e) => [e.kind, e.alertId])).toEqual([
      ['device_offline', null],
      ['alert_opened', 'a0'],
    ]);
  });

  it('pages through more events than one batch when a filter drops most of them', async () => {
    const rows = Array.from({ length: 1_300 }, (_, i) => ({
      device_id: `d${i % 4}`,
      at: s(i),
      from_status: 'online' as const,
      to_status: 'offline' as const,
    }));
    await store.db.insertInto('device_transitions').values(rows.slice(0, 650)).execute();
    await store.db.insertInto('device_transitions').values(rows.slice(650)).execute();
    const picked = await new HistoryReader(store).changes({
      since: T0,
      limit: 300,
      include: (id) => id === 'd3',
    });
    expect(picked).toHaveLength(300);
    expect(picked.map((e) => e.at)).toEqual(Array.from({ length: 300 }, (_, i) => iso(s(1_299 - 4 * i))));
  });
});
