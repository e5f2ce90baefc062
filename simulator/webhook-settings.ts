import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/simulator/webhook-events';
import { z } from 'zod';

/** How the simulator delivers Level's webhooks; every field can change at run time (PUT /_sim/webhooks). */
export interface WebhookSettings {
  /** Where to POST; null = webhooks off (nothing is even serialised). */
  url: string | null;
  /** HMAC key for X-Level-Signature; null = unsigned, as Level sends when no secret is set. */
  secret: string | null;
  /** 'all' (Level's "all, including future ones") or a selection. */
  events: 'all' | WebhookEventType[];
  /** Level's retry waits (~2 min + 1–60 s jitter) are divided by this; 1 = real time. */
  compression: number;
  /** Chance (0–1) that a delivered event is delivered once more, same bytes and event_id. */
  duplicates: number;
  /** Chance (0–1), after each delivery, that an older event is re-run (same event_id, as by hand). */
  reruns: number;
  /** > 0: events are held this long and each batch is sent newest first (out-of-order delivery). */
  reorderMs: number;
  /** Per attempt; a timeout counts as a failed attempt. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  url: null,
  secret: null,
  events: 'all',
  compression: 1,
  duplicates: 0,
  reruns: 0,
  reorderMs: 0,
  timeoutMs: 10_000,
};

const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'url must be http:// or https://');
const ratio = z.number().min(0).max(1);

/** The control API's body (snake_case like the rest of /_sim): any subset, unknown keys refused. */
export const webhookSettingsPatch = z.strictObject({
  url: httpUrl.nullable().optional(),
  secret: z.string().min(1).nullable().optional(),
  events: z.union([z.literal('all'), z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1)]).optional(),
  compression: z.number().min(1).max(1_000_000).optional(),
  duplicates: ratio.optional(),
  reruns: ratio.optional(),
  reorder_ms: z.number().int().min(0).max(600_000).optional(),
  timeout_ms: z.number().int().min(10).max(600_000).optional(),
});
export type WebhookSettingsPatch = z.infer<typeof webhookSettingsPatch>;

export function applyPatch(current: WebhookSettings, patch: WebhookSettingsPatch): WebhookSettings {
  return {
    url: patch.url === undefined ? current.url : patch.url,
    secret: patch.secret === undefined ? current.secret : patch.secret,
    events: patch.events ?? current.events,
    compression: patch.compression ?? current.compression,
    duplicates: patch.duplicates ?? current.duplicates,
    reruns: patch.reruns ?? current.reruns,
    reorderMs: patch.reorder_ms ?? current.reorderMs,
    timeoutMs: patch.timeout_ms ?? current.timeoutMs,
  };
}

/** As the control API shows them: the secret itself is never echoed. */
export function publicSettings(settings: WebhookSettings) {
  return {
    url: settings.url,
    signed: settings.secret !== null,
    events: settings.events === 'all' ? 'all' : [...settings.events],
    compression: settings.compression,
    duplicates: settings.duplicates,
    reruns: settings.reruns,
    reorder_ms: settings.reorderMs,
    timeout_ms: settings.timeoutMs,
  };
}
