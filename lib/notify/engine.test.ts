import type { Store } from '@/lib/db/open';
import type { NotificationMessage, RuleDefinitionInput } from '@/lib/domain/notifications';
import { evaluateNotifications } from '@/lib/notify/engine';
import { createRule } from '@/lib/notify/rule-store';
import type { Signal } from '@/lib/notify/signals';
import { alert, baseDevices, offline, signalsOf, snapshotOf } from '@/testing/notify-fleet';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterEach, describe, expect, it } from 'vitest';

// The rule engine against a real database: what goes into the outbox, when, and only once.
// Time is driven by hand, one evaluation per simulated sync.

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-02T10:00:00Z'); // a Monday
const BASE = 'https://levelboard.example.com';

interface Row {
  channel_id: string;
  kind: string;
  message: NotificationMessage;
  created_at: number;
}

async function outbox(store: Store): Promise<Row[]> {
  const rows = await store.db
    .selectFrom('notification_outbox')
    .select(['channel_id', 'kind', 'message', 'created_at'])
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ ...row, message: JSON.parse(row.message) as NotificationMessage }));
}

const rule = (extra: Partial<RuleDefinitionInput> = {}): RuleDefinitionInput => ({
  name: 'Servers',
  events: ['device_offline', 'site_down', 'alert'],
  channelIds: ['ops'],
  delayMinutes: 5,
  groupSeconds: 60,
  ...extra,
});

const tick = (store: Store, signals: Signal[], now: number) =>
  evaluateNotifications(store, { signals, fleetKnown: true, baseUrl: BASE, now });

/** Evaluates once a minute from `from` to `to` (inclusive) with the signals `at(t)` gives. */
async function run(store: Store, from: number, to: number, at: (t: number) => Signal[], step = MINUTE) {
  for (let t = from; t <= to; t += step) await tick(store, at(t), t);
}

let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.map((store) => store.close()));
  stores = [];
});

async function storeWithRule(
  engine: (typeof ENGINES)[number],
  definition: RuleDefinitionInput,
  savedAt = T0 - 60 * MINUTE,
) {
  const store = await openTestStore(engine);
  stores.push(store);
  const saved = await createRule(store, definition, savedAt);
  return { store, rule: saved };
}

describe.each(ENGINES)('notification engine on %s', (engine) => {
  it('waits for the delay: only what is still true after it is sent, and nothing ends that never began', async () => {
    const { store } = await storeWithRule(engine, rule({ groupSeconds: 0 }));
    const down = offline(baseDevices(), ['fab-0'], T0);
    // fab-1 is back after 3 minutes; fab-0 stays down.
    await run(store, T0, T0 + 10 * MINUTE, (t) =>
      signalsOf(snapshotOf(t < T0 + 3 * MINUTE ? offline(down, ['fab-1'], T0) : down), t),
    );
    const rows = await outbox(store);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.created_at).toBe(T0 + 5 * MINUTE);
    expect(rows[0]!.message.items.map((item) => item.device)).toEqual(['FAB-0']);
    expect(rows[0]!.message.title).toBe('Server offline — FAB-0 (Fabrikam)');
    expect(rows[0]!.message.items[0]).toMatchObject({
      url: `${BASE}/devices/fab-0`,
      levelUrl: 'https://app.level.io/devices/fab-0',
      since: new Date(T0).toISOString(),
    });
  });

  it('groups a 40-server site outage into one message per channel, and one recovery', async () => {
    const { store } = await storeWithRule(engine, rule({ channelIds: ['ops', 'pager'], delayMinutes: 2 }));
    const ids = Array.from({ length: 40 }, (_, n) => `berlin-${n}`);
    // The servers drop one after another over two minutes; syncs see them in waves.
    const downAt = (n: number) => T0 + n * 3_000;
    const at = (t: number) => {
      let devices = baseDevices();
      for (const [n, id] of ids.entries()) if (downAt(n) <= t) devices = offline(devices, [id], downAt(n));
      if (t >= T0 + 60 * MINUTE) devices = baseDevices();
      return signalsOf(snapshotOf(devices), t);
    };
    await run(store, T0, T0 + 70 * MINUTE, at, 30_000);
    const rows = await outbox(store);
    const byChannel = (channel: string) => rows.filter((row) => row.channel_id === channel);
    expect(byChannel('ops').map((row) => row.kind)).toEqual(['trigger', 'recovery']);
    expect(byChannel('pager').map((row) => row.kind)).toEqual(['trigger', 'recovery']);
    const trigger = byChannel('ops')[0]!.message;
    expect(trigger.items[0]).toMatchObject({ kind: 'site_down', site: 'Berlin DC', client: 'Contoso' });
    expect(trigger.items[0]!.title).toBe('Site down · 40 of 40 devices offline');
    // The 40 servers are folded under their site rather than listed one by one.
    expect(trigger.items.filter((item) => item.kind === 'device_offline')).toHaveLength(0);
    // Servers whose own delay had passed are folded now; the later ones join the announced site silently.
    expect(trigger.summary).toMatch(/^1 site down \(\d+ offline devices shown under their site\)/);
    expect(trigger.severity).toBe('critical');
    const recovery = byChannel('ops')[1]!.message;
    expect(recovery.title.startsWith('Resolved: ')).toBe(true);
    expect(recovery.items.every((item) => item.resolvedAt !== null)).toBe(true);
  });

  it('holds messages in quiet hours across midnight and sends what is still true when they end', async () => {
    const { store } = await storeWithRule(
      engine,
      rule({
        delayMinutes: 0,
        groupSeconds: 0,
        timeZone: 'Europe/Berlin',
        quietHours: { start: '22:00', end: '07:00' },
      }),
    );
    const start = Date.parse('2026-11-02T22:30:00Z'); // 23:30 in Berlin (CET, UTC+1)
    await run(store, start, start + 8 * 60 * MINUTE, (t) => {
      let devices = offline(baseDevices(), ['fab-0'], start);
      // fab-1 is down from 00:00 to 02:00 local: it ends inside quiet hours and is never told.
      if (t >= start + 30 * MINUTE && t < start + 150 * MINUTE)
        devices = offline(devices, ['fab-1'], start + 30 * MINUTE);
      return signalsOf(snapshotOf(devices), t);
    });
    const rows = await outbox(store);
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0]!.created_at).toISOString()).toBe('2026-11-03T06:00:00.000Z'); // 07:00 CET
    expect(rows[0]!.message.items.map((item) => item.device)).toEqual(['FAB-0']);
  });

  it('quiet hours follow the clock through a daylight-saving change', async () => {
    const { store } = await storeWithRule(
      engine,
      rule({
        delayMinutes: 0,
        groupSeconds: 0,
        timeZone: 'Europe/Berlin',
        quietHours: { start: '22:00', end: '07:00' },
      }),
      Date.parse('2026-03-27T00:00:00Z'),
    );
    // Spring forward in Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST; 07:00 CEST is 05:00 UTC.
    const start = Date.parse('2026-03-28T23:00:00Z');
    await run(store, start, start + 8 * 60 * MINUTE, (t) =>
      signalsOf(snapshotOf(offline(baseDevices(), ['fab-0'], start)), t),
    );
    const rows = await outbox(store);
    expect(rows.map((row) => new Date(row.created_at).toISOString())).toEqual(['2026-03-29T05:00:00.000Z']);
  });

  it('repeats while open, stops once acknowledged, and still says when it ends', async () => {
    const { store } = await storeWithRule(
      engine,
      rule({ delayMinutes: 0, groupSeconds: 0, repeatMinutes: 30 }),
    );
    let acknowledged = false;
    await run(store, T0, T0 + 120 * MINUTE, (t) => {
      if (t === T0 + 70 * MINUTE) acknowledged = true;
      const devices = t < T0 + 110 * MINUTE ? offline(baseDevices(), ['fab-0'], T0) : baseDevices();
      return signalsOf(snapshotOf(devices), t, {
        isAcknowledged: (key) => acknowledged && key.startsWith('offline:fab-0'),
      });
    });
    const rows = await outbox(store);
    expect(rows.map((row) => [row.kind, (row.created_at - T0) / MINUTE])).toEqual([
      ['trigger', 0],
      ['repeat', 30],
      ['repeat', 60],
      ['recovery', 110],
    ]);
    expect(rows[1]!.message.title.startsWith('Still open: ')).toBe(true);
  });

  it('does not announce what was acknowledged before its first message, nor what began before the rule', async () => {
    const { store } = await storeWithRule(engine, rule({ delayMinutes: 5, groupSeconds: 0 }), T0);
    const devices = offline(offline(baseDevices(), ['fab-0'], T0 - 10 * MINUTE), ['fab-1'], T0 + MINUTE);
    await run(store, T0, T0 + 30 * MINUTE, (t) =>
      signalsOf(snapshotOf(devices), t, { isAcknowledged: (key) => key.startsWith('offline:fab-1') }),
    );
    expect(await outbox(store)).toHaveLength(0);
  });

  it('a condition that began in the same minute the rule was saved is announced (Level has whole seconds)', async () => {
    const { store } = await storeWithRule(engine, rule({ delayMinutes: 0, groupSeconds: 0 }), T0 + 999);
    await tick(store, signalsOf(snapshotOf(offline(baseDevices(), ['fab-0'], T0)), T0 + 1_000), T0 + 1_000);
    expect((await outbox(store)).map((row) => row.message.items[0]?.device)).toEqual(['FAB-0']);
  });

  it('a condition that flaps back before its recovery went out stays one incident', async () => {
    const { store } = await storeWithRule(engine, rule({ delayMinutes: 0, groupSeconds: 120 }));
    const a1 = alert('a1', 'fab-0', 'critical', T0);
    await run(store, T0, T0 + 20 * MINUTE, (t) => {
      const flapping = t >= T0 + 5 * MINUTE && t < T0 + 6 * MINUTE; // gone for one sync
      return signalsOf(snapshotOf(baseDevices(), flapping ? [] : [a1]), t);
    });
    const rows = await outbox(store);
    expect(rows.map((row) => row.kind)).toEqual(['trigger']);
    expect(rows[0]!.message.title).toBe('Disk almost full (a1) — FAB-0 (Fabrikam)');
  });

  it('filters by client, severity and role', async () => {
    const { store } = await storeWithRule(
      engine,
      rule({
        delayMinutes: 0,
        groupSeconds: 0,
        scope: { kind: 'groups', groupIds: ['office'] },
        severities: ['emergency'],
        roles: ['domain_controller'],
      }),
    );
    const devices = offline(baseDevices(), ['office-0', 'office-1', 'fab-0'], T0);
    const alerts = [
      alert('w', 'office-2', 'critical', T0),
      alert('e', 'office-3', 'emergency', T0),
      alert('x', 'fab-3', 'emergency', T0),
    ];
    await tick(store, signalsOf(snapshotOf(devices, alerts), T0), T0);
    const [row] = await outbox(store);
    expect(row!.message.items.map((item) => item.key).sort()).toEqual([
      'alert:e',
      `offline:office-0@${new Date(T0).toISOString()}`,
    ]);
  });

  it('announces Level problems and silent walls, which no client filter hides', async () => {
    const { store } = await storeWithRule(
      engine,
      rule({
        events: ['level_unreachable', 'wall_silent', 'sync_behind'],
        delayMinutes: 0,
        groupSeconds: 0,
        scope: { kind: 'groups', groupIds: ['fabrikam'] },
      }),
    );
    const sync = {
      lastErrorKind: 'unauthorized',
      lastError: 'HTTP 401 secret-ish text',
      syncedAtMs: T0 - MINUTE,
      intervalMs: 30_000,
    };
    const walls = [{ id: 'lobby', name: 'Lobby', lastSeenAt: T0 - 10 * MINUTE }];
    await tick(store, signalsOf(snapshotOf(baseDevices()), T0, { sync, silentWalls: walls }), T0);
    const [row] = await outbox(store);
    expect(row!.message.items.map((item) => item.title).sort()).toEqual([
      'Level rejected the API key',
      'Wall screen "Lobby" is silent',
    ]);
    expect(JSON.stringify(row!.message)).not.toContain('secret-ish');
  });

  it('evaluating again at the same moment, as after a restart, queues nothing twice', async () => {
    const { store } = await storeWithRule(engine, rule({ delayMinutes: 0, groupSeconds: 0 }));
    const signals = signalsOf(snapshotOf(offline(baseDevices(), ['fab-0'], T0)), T0);
    const first = await tick(store, signals, T0);
    const again = await tick(store, signals, T0);
    const later = await tick(store, signals, T0 + 10 * MINUTE);
    expect([first.queued, again.queued, later.queued]).toEqual([1, 0, 0]);
  });
});
