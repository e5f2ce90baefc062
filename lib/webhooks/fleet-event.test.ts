import type { Envelope } from '@/lib/webhooks/envelope';
import { applyFleetEvent, toFleetEvent, type FleetEvent } from '@/lib/webhooks/fleet-event';
import { SYNCED_AT, levelAlert, seedFleet } from '@/testing/webhook-harness';
import { describe, expect, it } from 'vitest';

const envelope = (
  eventType: string,
  data: Record<string, unknown>,
  occurredAt = SYNCED_AT + 1_000,
): Envelope => ({
  eventType,
  eventId: 'e1',
  occurredAt,
  data,
});

const event = (type: string, data: Record<string, unknown>): FleetEvent => {
  const parsed = toFleetEvent(envelope(type, data));
  if (!parsed) throw new Error(`${type} did not parse`);
  return parsed;
};

describe("Level's events as fleet edits", () => {
  const EVENTS: [string, Record<string, unknown>][] = [
    ['alert_active', levelAlert('a9', 'd2')],
    ['alert_resolved', levelAlert('a1', 'd1', { is_resolved: true })],
    ['device_created', { id: 'd9', hostname: 'NEW', online: true, group_id: 'g1' }],
    ['device_updated', { id: 'd2', hostname: 'host-d2', online: false, group_id: 'g1' }],
    ['device_deleted', { id: 'd3' }],
    ['group_created', { id: 'g9', name: 'Nine', parent_id: 'g1' }],
    ['group_updated', { id: 'g1', name: 'Acme Ltd', parent_id: null }],
    ['group_deleted', { id: 'g1' }],
  ];

  it.each(EVENTS)('%s is idempotent (patchFleet may apply it again onto a sync in flight)', (type, data) => {
    const once = applyFleetEvent(seedFleet(), event(type, data));
    expect(applyFleetEvent(once, event(type, data))).toStrictEqual(once);
    expect(once).not.toStrictEqual(seedFleet());
  });

  it('a resolved alert stays resolved: alert_active for it changes nothing', () => {
    const resolved = applyFleetEvent(seedFleet(), event('alert_resolved', levelAlert('a1', 'd1')));
    expect(resolved.activeAlerts).toEqual([]);
    expect(resolved.recentResolvedAlerts[0]).toMatchObject({ id: 'a1', resolved: true });
    expect(applyFleetEvent(resolved, event('alert_active', levelAlert('a1', 'd1')))).toBe(resolved);
  });

  it("alert_resolved stamps the resolution time: Level's resolved_at, else occurred_at", () => {
    const at = new Date(SYNCED_AT + 1_000).toISOString();
    const withoutTime = applyFleetEvent(seedFleet(), event('alert_resolved', { id: 'a1' }));
    expect(withoutTime.recentResolvedAlerts[0]?.resolvedAt).toBe(at);
    const stated = '2026-12-06T12:00:00.500Z';
    const withTime = applyFleetEvent(
      seedFleet(),
      event('alert_resolved', levelAlert('a1', 'd1', { is_resolved: true, resolved_at: stated })),
    );
    expect(withTime.recentResolvedAlerts[0]?.resolvedAt).toBe(stated);
  });

  it('an unknown type, or a resource that does not parse, is no event', () => {
    expect(toFleetEvent(envelope('automation_finished', { id: 'x' }))).toBeNull();
    expect(toFleetEvent(envelope('alert_active', { id: 'a1' }))).toBeNull();
    expect(toFleetEvent(envelope('device_updated', { id: 'd1', hostname: 'x' }))).toBeNull();
    expect(toFleetEvent(envelope('device_deleted', {}))).toBeNull();
  });

  it("a resolution for an alert Levelboard never saw, without Level's alert fields, changes nothing", () => {
    const data = seedFleet();
    expect(applyFleetEvent(data, event('alert_resolved', { id: 'unknown' }))).toBe(data);
  });
});
