import { ENGINES } from '@/testing/stores';
import { SYNCED_AT, levelAlert, levelEvent, startWebhookReplicas } from '@/testing/webhook-harness';
import { afterEach, describe, expect, it } from 'vitest';

const SECRET = 'level-webhook-secret-0123';

describe.each(ENGINES)('webhook receiver on %s', (engine) => {
  let harness: Awaited<ReturnType<typeof startWebhookReplicas>> | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  const activeIds = (data: { activeAlerts: { id: string }[] }) => data.activeAlerts.map((a) => a.id).sort();

  it('applies a signed alert_active at once and records it in history at occurred_at', async () => {
    harness = await startWebhookReplicas(engine);
    const at = SYNCED_AT + 5_000;
    const event = levelEvent(SECRET, 'alert_active', levelAlert('a9', 'd2'), at);
    const outcome = await harness.leader.receiver.receive(event.body, event.signature);
    expect(outcome).toEqual({ kind: 'applied', eventId: event.eventId, published: true });
    expect(activeIds(harness.leader.current())).toEqual(['a1', 'a9']);
    const rows = await harness.store.db
      .selectFrom('alert_events')
      .selectAll()
      .where('alert_id', '=', 'a9')
      .execute();
    expect(rows.map((row) => [row.kind, Number(row.at)])).toEqual([['opened', at]]);

    const resolvedAt = at + 60_000;
    const resolved = levelEvent(
      SECRET,
      'alert_resolved',
      levelAlert('a9', 'd2', { is_resolved: true }),
      resolvedAt,
    );
    expect((await harness.leader.receiver.receive(resolved.body, resolved.signature)).kind).toBe('applied');
    expect(activeIds(harness.leader.current())).toEqual(['a1']);
    expect(harness.leader.current().recentResolvedAlerts[0]).toMatchObject({ id: 'a9', resolved: true });
    const after = await harness.store.db
      .selectFrom('alert_events')
      .selectAll()
      .where('alert_id', '=', 'a9')
      .execute();
    expect(after.map((row) => [row.kind, Number(row.at)])).toEqual([
      ['opened', at],
      ['resolved', resolvedAt],
    ]);
  });

  it('refuses a missing, wrong or stale-secret signature with 401 semantics and changes nothing', async () => {
    let secret = SECRET;
    harness = await startWebhookReplicas(engine, { secret: () => secret });
    const before = harness.leader.service.current();
    const event = levelEvent(SECRET, 'alert_active', levelAlert('a9', 'd2'), SYNCED_AT + 5_000);
    expect((await harness.leader.receiver.receive(event.body, undefined)).kind).toBe('bad_signature');
    expect((await harness.leader.receiver.receive(event.body, 'sha256=' + '0'.repeat(64))).kind).toBe(
      'bad_signature',
    );
    // One byte changed after signing: the signature is over the exact bytes.
    const tampered = Buffer.from(event.body.toString().replace('CPU', 'GPU'));
    expect((await harness.leader.receiver.receive(tampered, event.signature)).kind).toBe('bad_signature');
    expect((await harness.leader.receiver.receive(event.body, 'md5=abc')).kind).toBe('bad_signature');

    // Secret rotated: the old secret's signature is refused, the new one's accepted.
    secret = 'rotated-secret-4567890';
    expect((await harness.leader.receiver.receive(event.body, event.signature)).kind).toBe('bad_signature');
    expect(harness.leader.service.current()).toBe(before);
    expect(await harness.store.db.selectFrom('webhook_events').selectAll().execute()).toEqual([]);
    await harness.leader.receiver.flushFailures();
    const counts = await harness.leader.events.counts(harness.now());
    expect(counts.signatureFailuresToday).toBe(5);
    expect(counts.eventsToday).toBe(0);

    const resigned = levelEvent(secret, 'alert_active', levelAlert('a9', 'd2'), SYNCED_AT + 5_000);
    expect((await harness.leader.receiver.receive(resigned.body, resigned.signature)).kind).toBe('applied');
    // Upper-case hex is the same signature.
    const upper = levelEvent(secret, 'alert_active', levelAlert('a8', 'd2'), SYNCED_AT + 5_000);
    const signature = upper.signature.replace(/[0-9a-f]{64}$/, (hex) => hex.toUpperCase());
    expect((await harness.leader.receiver.receive(upper.body, signature)).kind).toBe('applied');
  });

  it('counts a flood of forged deliveries in memory and writes the count once', async () => {
    harness = await startWebhookReplicas(engine);
    const forged = Buffer.from('{"event_type":"device_deleted"}');
    await Promise.all(
      Array.from({ length: 50 }, () => harness!.leader.receiver.receive(forged, 'sha256=' + 'ab'.repeat(32))),
    );
    expect((await harness.leader.events.counts(harness.now())).signatureFailuresToday).toBe(0);
    await harness.leader.receiver.flushFailures();
    await harness.leader.receiver.flushFailures();
    expect((await harness.leader.events.counts(harness.now())).signatureFailuresToday).toBe(50);
  });

  it('refuses everything while no secret is configured', async () => {
    harness = await startWebhookReplicas(engine, { secret: () => null });
    const event = levelEvent(SECRET, 'alert_active', levelAlert('a9', 'd2'), SYNCED_AT + 5_000);
    expect((await harness.leader.receiver.receive(event.body, event.signature)).kind).toBe('not_configured');
    expect(activeIds(harness.leader.current())).toEqual(['a1']);
    expect(await harness.store.db.selectFrom('webhook_events').selectAll().execute()).toEqual([]);
  });

  it('answers a duplicate event_id as a duplicate, also after a restart (persisted dedupe)', async () => {
    harness = await startWebhookReplicas(engine);
    const event = levelEvent(SECRET, 'alert_active', levelAlert('a9', 'd2'), SYNCED_AT + 5_000);
    expect((await harness.leader.receiver.receive(event.body, event.signature)).kind).toBe('applied');
    expect((await harness.leader.receiver.receive(event.body, event.signature)).kind).toBe('duplicate');
    // Resolved since; a re-run of the old alert_active after a restart must not reopen it anyway.
    const resolved = levelEvent(SECRET, 'alert_resolved', levelAlert('a9', 'd2'), SYNCED_AT + 6_000);
    await harness.leader.receiver.receive(resolved.body, resolved.signature);
    const restarted = harness.restartLeader();
    expect(await restarted.receiver.receive(event.body, event.signature)).toEqual({
      kind: 'duplicate',
      eventId: event.eventId,
    });
    expect(activeIds(restarted.current())).toEqual(['a1']);
    const opened = await harness.store.db
      .selectFrom('alert_events')
      .select('kind')
      .where('alert_id', '=', 'a9')
      .where('kind', '=', 'opened')
      .execute();
    expect(opened).toHaveLength(1);
    expect((await restarted.events.counts(harness.now())).eventsToday).toBe(2);
  });

  it('resolves out-of-order delivery by occurred_at: a late alert_active does not reopen its alert', async () => {
    harness = await startWebhookReplicas(engine);
    const active = levelEvent(SECRET, 'alert_active', levelAlert('a9', 'd2'), SYNCED_AT + 5_000);
    const resolved = levelEvent(SECRET, 'alert_resolved', levelAlert('a9', 'd2'), SYNCED_AT + 9_000);
    expect((await harness.leader.receiver.receive(resolved.body, resolved.signature)).kind).toBe('applied');
    expect((await harness.leader.receiver.receive(active.body, active.signature)).kind).toBe('superseded');
    expect(activeIds(harness.leader.current())).toEqual(['a1']);

    // The same for a device: an older device_updated after a newer one changes nothing.
    const device = (online: boolean) => ({ id: 'd3', hostname: 'host-d3', online });
    const newer = levelEvent(SECRET, 'device_updated', device(false), SYNCED_AT + 20_000);
    const older = levelEvent(SECRET, 'device_updated', device(true), SYNCED_AT + 15_000);
    expect((await harness.leader.receiver.receive(newer.body, newer.signature)).kind).toBe('applied');
    expect((await harness.leader.receiver.receive(older.body, older.signature)).kind).toBe('superseded');
    expect(harness.leader.current().devices.find((d) => d.id === 'd3')?.online).toBe(false);
    const transitions = await harness.store.db.selectFrom('device_transitions').selectAll().execute();
    expect(transitions.map((row) => [row.device_id, row.to_status, Number(row.at)])).toEqual([
      ['d3', 'offline', SYNCED_AT + 20_000],
    ]);

    // An event older than the sync the snapshot came from is already in it (or superseded).
    const beforeSync = levelEvent(SECRET, 'alert_active', levelAlert('a7', 'd2'), SYNCED_AT - 60_000);
    expect((await harness.leader.receiver.receive(beforeSync.body, beforeSync.signature)).kind).toBe(
      'superseded',
    );
  });

  it('answers unknown event types 2xx-style (ignored), remembers them, and changes nothing', async () => {
    harness = await startWebhookReplicas(engine);
    const before = harness.leader.current();
    const event = levelEvent(SECRET, 'script_finished', { id: 'x1' }, SYNCED_AT + 5_000);
    expect(await harness.leader.receiver.receive(event.body, event.signature)).toEqual({
      kind: 'ignored',
      eventId: event.eventId,
      reason: 'unknown_event_type',
    });
    expect(harness.leader.current()).toStrictEqual(before);
    expect((await harness.leader.receiver.receive(event.body, event.signature)).kind).toBe('duplicate');
    const unreadable = levelEvent(SECRET, 'alert_active', { id: 'a5' }, SYNCED_AT + 5_000);
    expect((await harness.leader.receiver.receive(unreadable.body, unreadable.signature)).kind).toBe(
      'ignored',
    );
    const malformed = Buffer.from('{"event_type":"alert_active"}');
    const { sign } = await import('@/lib/webhooks/signature');
    expect((await harness.leader.receiver.receive(malformed, sign(SECRET, malformed))).kind).toBe('invalid');
  });

  it('device and group events patch the fleet (created, updated, deleted)', async () => {
    harness = await startWebhookReplicas(engine);
    const send = async (type: string, data: Record<string, unknown>, offset: number) => {
      const event = levelEvent(SECRET, type, data, SYNCED_AT + offset);
      return (await harness!.leader.receiver.receive(event.body, event.signature)).kind;
    };
    expect(await send('group_created', { id: 'g2', name: 'Beta', parent_id: null }, 1_000)).toBe('applied');
    expect(
      await send('device_created', { id: 'd4', hostname: 'NEW-PC', online: true, group_id: 'g2' }, 2_000),
    ).toBe('applied');
    let data = harness.leader.current();
    expect(data.devices.find((d) => d.id === 'd4')).toMatchObject({ hostname: 'NEW-PC', groupName: 'Beta' });
    expect(await send('group_updated', { id: 'g2', name: 'Beta Corp', parent_id: null }, 3_000)).toBe(
      'applied',
    );
    expect(harness.leader.current().devices.find((d) => d.id === 'd4')?.groupName).toBe('Beta Corp');
    expect(await send('device_deleted', { id: 'd1' }, 4_000)).toBe('applied');
    data = harness.leader.current();
    expect(data.devices.some((d) => d.id === 'd1')).toBe(false);
    expect(data.activeAlerts.some((a) => a.deviceId === 'd1')).toBe(false);
    // A late device_updated for the deleted device does not bring it back.
    expect(await send('device_updated', { id: 'd1', hostname: 'host-d1', online: true }, 3_500)).toBe(
      'superseded',
    );
    expect(await send('group_deleted', { id: 'g2' }, 5_000)).toBe('applied');
    expect(harness.leader.current().devices.find((d) => d.id === 'd4')).toMatchObject({ groupId: null });
  });

  it('fans out: a follower loads what the leader applied, and the leader applies what a follower received', async () => {
    harness = await startWebhookReplicas(engine);
    const follower = await harness.follower();
    const onLeader = levelEvent(SECRET, 'alert_active', levelAlert('a9', 'd2'), SYNCED_AT + 5_000);
    await harness.leader.receiver.receive(onLeader.body, onLeader.signature);
    await expect.poll(() => activeIds(follower.current()), { timeout: 5_000 }).toEqual(['a1', 'a9']);

    // Delivered to the follower: it shows it at once (its own copy), and the leader publishes it.
    const onFollower = levelEvent(SECRET, 'alert_active', levelAlert('a10', 'd3'), SYNCED_AT + 6_000);
    expect(await follower.receiver.receive(onFollower.body, onFollower.signature)).toEqual({
      kind: 'applied',
      eventId: onFollower.eventId,
      published: false,
    });
    expect(activeIds(follower.current())).toEqual(['a1', 'a10', 'a9']);
    expect(activeIds(harness.leader.current())).toEqual(['a1', 'a9']);
    expect(await harness.leader.receiver.relayPending()).toBe(1);
    expect(activeIds(harness.leader.current())).toEqual(['a1', 'a10', 'a9']);
    expect(await harness.leader.receiver.relayPending()).toBe(0);
    const another = await harness.follower();
    await expect.poll(() => activeIds(another.current()), { timeout: 5_000 }).toEqual(['a1', 'a10', 'a9']);
    // The leader recorded it in history at its time; the follower did not.
    const rows = await harness.store.db
      .selectFrom('alert_events')
      .selectAll()
      .where('alert_id', '=', 'a10')
      .execute();
    expect(rows.map((row) => Number(row.at))).toEqual([SYNCED_AT + 6_000]);
    // The same delivery to the leader afterwards is a duplicate.
    expect((await harness.leader.receiver.receive(onFollower.body, onFollower.signature)).kind).toBe(
      'duplicate',
    );
  });

  it('prunes events past retention (then an old re-run is new again) and old failure counters', async () => {
    harness = await startWebhookReplicas(engine);
    const event = levelEvent(SECRET, 'script_finished', { id: 'x' }, SYNCED_AT);
    await harness.leader.receiver.receive(event.body, event.signature);
    await harness.leader.receiver.receive(event.body, 'sha256=00');
    await harness.leader.receiver.flushFailures();
    harness.advance(2 * 86_400_000);
    expect(await harness.leader.events.prune(harness.now() - 86_400_000)).toBe(2);
    expect((await harness.leader.receiver.receive(event.body, event.signature)).kind).toBe('ignored');
  });
});
