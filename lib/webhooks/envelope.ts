import 'server-only';
import { z } from 'zod';

// Level's webhook envelope (REFERENCE §8): `{event_type, event_id (uuid), occurred_at (ISO 8601,
// ms + Z), data: {id, …resource}}`. Only the envelope is strict: an event Levelboard cannot even
// identify is a 400 (Level's request log then shows why); what `data` holds is read per event type
// (lib/webhooks/fleet-event.ts), and an unreadable resource is ignored, not refused, because
// Level's retries would only send the same bytes again.

export const KNOWN_EVENT_TYPES = [
  'alert_active',
  'alert_resolved',
  'device_created',
  'device_updated',
  'device_deleted',
  'group_created',
  'group_updated',
  'group_deleted',
] as const;

export type KnownEventType = (typeof KNOWN_EVENT_TYPES)[number];

const envelopeSchema = z.object({
  event_type: z.string().trim().min(1).max(100),
  // A UUID per Level; any short opaque string is accepted as the dedupe key.
  event_id: z.string().trim().min(1).max(200),
  occurred_at: z.string().refine((value) => Number.isFinite(Date.parse(value)), {
    error: 'must be an ISO 8601 time',
  }),
  data: z.record(z.string(), z.unknown()).nullish(),
});

export interface Envelope {
  eventType: string;
  eventId: string;
  occurredAt: number;
  data: Record<string, unknown> | null;
}

export type EnvelopeResult = { ok: true; envelope: Envelope } | { ok: false; problem: string };

export function parseEnvelope(body: string): EnvelopeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'The body is not JSON.' };
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'body';
    return { ok: false, problem: `Invalid field "${field}": ${issue?.message ?? 'invalid value'}.` };
  }
  return {
    ok: true,
    envelope: {
      eventType: parsed.data.event_type,
      eventId: parsed.data.event_id,
      occurredAt: Date.parse(parsed.data.occurred_at),
      data: parsed.data.data ?? null,
    },
  };
}

export const isKnownEventType = (type: string): type is KnownEventType =>
  (KNOWN_EVENT_TYPES as readonly string[]).includes(type);

/** What the event is about, for "is a newer event about it already here?"; null for unknown types. */
export function resourceKey(envelope: Envelope): string | null {
  const id = envelope.data?.id;
  if (typeof id !== 'string' || id === '' || !isKnownEventType(envelope.eventType)) return null;
  return `${envelope.eventType.split('_')[0]}:${id}`;
}
