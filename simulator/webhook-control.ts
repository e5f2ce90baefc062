import { ApiError, badRequest, notFound } from '@/simulator/errors';
import type { SimulatorState } from '@/simulator/state';
import type { Json, JsonObject } from '@/simulator/types';
import { webhookEvent } from '@/simulator/webhook-events';
import type { WebhookSender } from '@/simulator/webhook-sender';
import { webhookSettingsPatch, type WebhookSettings } from '@/simulator/webhook-settings';
import { z } from 'zod';

const rerunSchema = z.strictObject({ event_id: z.string().min(1) });
// Any type and any data: lets a test send what Level might send one day (an unknown type).
const customEventSchema = z.strictObject({
  event_type: z.string().min(1).max(100),
  data: z.record(z.string(), z.json()).optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw badRequest(z.prettifyError(result.error));
  return result.data;
}

/** /_sim/webhooks*: undefined when the path is not one of these. */
export function webhookControl(
  webhooks: WebhookSender,
  startup: WebhookSettings,
  state: SimulatorState,
  key: string,
  body: unknown,
): Json | undefined {
  switch (key) {
    case 'GET /_sim/webhooks':
      return webhooks.status();
    case 'PUT /_sim/webhooks':
      webhooks.configure(parse(webhookSettingsPatch, body));
      return webhooks.status();
    case 'DELETE /_sim/webhooks':
      // Back to what the simulator was started with (CLI flags / options), counters at zero.
      webhooks.clear();
      webhooks.configure({
        url: startup.url,
        secret: startup.secret,
        events: startup.events,
        compression: startup.compression,
        duplicates: startup.duplicates,
        reruns: startup.reruns,
        reorder_ms: startup.reorderMs,
        timeout_ms: startup.timeoutMs,
      });
      return webhooks.status();
    case 'POST /_sim/webhooks/rerun': {
      const { event_id } = parse(rerunSchema, body);
      if (!webhooks.rerun(event_id)) throw notFound('No such event (only the last 1,000 are kept)');
      return { event_id, rerun: true };
    }
    case 'POST /_sim/webhooks/events': {
      const input = parse(customEventSchema, body);
      if (!webhooks.wants(input.event_type)) throw new ApiError(409, 'Webhooks are off (no url)');
      const data = (input.data ?? { id: 'custom' }) as JsonObject;
      const event = webhookEvent(input.event_type, data, state.now());
      webhooks.send(event);
      return { event_id: event.eventId, event_type: event.eventType, occurred_at: event.occurredAt };
    }
  }
  return undefined;
}
