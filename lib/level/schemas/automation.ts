import { optBoolean, optString, stringList } from '@/lib/level/schemas/fields';
import { z } from 'zod';

// REFERENCE §6.7 / §7.9; every field list here comes from a single source, hence the tolerance.

export const levelAutomationSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: optString,
  group_id: optString,
  group_name: optString,
});

export const levelAutomationWebhookSchema = z.object({
  url: z.string().min(1),
  automation_id: optString,
  automation_name: optString,
  requires_authorization_header: optBoolean,
  parameters: stringList,
});

/** The webhook list's envelope is uncertain: a bare array or `{ data: [...] }`. */
export const levelAutomationWebhookListSchema = z.union([
  z.array(levelAutomationWebhookSchema),
  z.object({ data: z.array(levelAutomationWebhookSchema), has_more: optBoolean }),
]);

/** The trigger's response is undocumented: anything JSON (or an empty body) is accepted. */
export const levelTriggerResponseSchema = z.unknown();

export type LevelAutomation = z.output<typeof levelAutomationSchema>;
export type LevelAutomationWebhook = z.output<typeof levelAutomationWebhookSchema>;
