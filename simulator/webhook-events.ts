import { alertJson, deviceJson, groupJson } from '@/simulator/serialize';
import type { FleetStore, StoreChange } from '@/simulator/store';
import type { JsonObject } from '@/simulator/types';
import { randomUUID } from 'node:crypto';

// Level's outbound webhook events (shared/level-api/REFERENCE.md §8).
export const WEBHOOK_EVENT_TYPES = [
  'alert_active',
  'alert_resolved',
  'device_created',
  'device_updated',
  'device_deleted',
  'group_created',
  'group_updated',
  'group_deleted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** One event as Level sends it; `body` is the exact bytes every attempt, duplicate and re-run carries. */
export interface WebhookEvent {
  readonly eventId: string;
  /** A Level type, or any string a test injects (unknown types must be ignored by the receiver). */
  readonly eventType: string;
  readonly occurredAt: string;
  readonly body: string;
}

/** The envelope `{event_type, event_id, occurred_at, data}`, serialised once. */
export function webhookEvent(eventType: string, data: JsonObject, occurredAtMs: number): WebhookEvent {
  const eventId = randomUUID();
  const occurredAt = new Date(occurredAtMs).toISOString();
  const body = JSON.stringify({ event_type: eventType, event_id: eventId, occurred_at: occurredAt, data });
  return { eventId, eventType, occurredAt, body };
}

/** The resource as the API would show it at this moment (alerts carry `device_id`). */
export function changeData(store: FleetStore, change: StoreChange): JsonObject {
  if ('alert' in change) return alertJson(change.alert);
  if ('device' in change) return deviceJson(store, change.device);
  return groupJson(store, change.group);
}
