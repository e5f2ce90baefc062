import type {
  Automation,
  AutomationTriggerInput,
  AutomationTriggerResult,
  AutomationWebhook,
} from '@/lib/domain/automation';
import { mapPages, type LevelTransport, type ListOptions } from '@/lib/level/endpoints/shared';
import { toAutomation, toAutomationWebhook } from '@/lib/level/mappers/resources';
import { collect, MAX_PAGE_SIZE } from '@/lib/level/pagination';
import {
  levelAutomationSchema,
  levelAutomationWebhookListSchema,
  type LevelAutomationWebhook,
} from '@/lib/level/schemas/automation';
import type { LevelLogger } from '@/lib/level/transport';
import { segment } from '@/lib/level/url';
import 'server-only';
import { z } from 'zod';

/** Safety stop for the webhook walk, whose paging is not documented. */
const MAX_WEBHOOK_PAGES = 50;

export function automationsEndpoints(t: LevelTransport, logger?: LevelLogger) {
  function list(options: ListOptions = {}): AsyncGenerator<Automation> {
    // No trace pins this list's envelope: a bare array or a missing has_more is accepted.
    return mapPages(
      t.paginate('/automations', {}, levelAutomationSchema, { ...options, lenient: true }),
      toAutomation,
    );
  }

  /**
   * Webhook triggers. The envelope is uncertain (a bare array or `{data, has_more}`); the items have
   * no id, so further pages, when announced, are requested after the last `automation_id`.
   */
  async function webhooks(options: ListOptions = {}): Promise<AutomationWebhook[]> {
    const all: LevelAutomationWebhook[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_WEBHOOK_PAGES; page += 1) {
      const raw = await t.request('GET', '/automations/webhooks', {
        query: { limit: String(MAX_PAGE_SIZE), starting_after: after },
        schema: levelAutomationWebhookListSchema,
        signal: options.signal,
      });
      const page = Array.isArray(raw) ? { data: raw, has_more: undefined } : raw;
      // An API that ignores the cursor sends the same page again: nothing new ends the walk.
      const fresh = page.data.filter((hook) => !all.some((known) => known.url === hook.url));
      all.push(...fresh);
      const next = page.data.at(-1)?.automation_id ?? null;
      // Without has_more (or with a bare array), only a full page suggests there is more.
      if (!(page.has_more ?? page.data.length >= MAX_PAGE_SIZE) || fresh.length === 0) break;
      if (next === null || next === after) {
        logger?.warn(
          { count: all.length },
          'Level announced more automation webhooks but gave no cursor; list truncated',
        );
        break;
      }
      after = next;
    }
    return all.map(toAutomationWebhook);
  }

  return {
    list,
    listAll: (options: ListOptions = {}) => collect(list(options)),
    webhooks,

    /**
     * Fires the automation behind `token`. Never retried after a 5xx or timeout (the automation
     * might already be running). The token stays out of errors and logs (`:token` placeholder).
     */
    async trigger(token: string, input: AutomationTriggerInput = {}): Promise<AutomationTriggerResult> {
      const body: Record<string, unknown> = { ...input.variables };
      if (input.deviceIds) body.device_ids = [...input.deviceIds];
      const response = await t.request('POST', `/automations/webhooks/${segment(token)}`, {
        body,
        schema: z.unknown(),
        logPath: '/automations/webhooks/:token',
      });
      return { runIds: runIdsOf(response), response };
    },
  };
}

function runIdsOf(response: unknown): string[] {
  if (typeof response !== 'object' || response === null) return [];
  const { automation_run_ids: ids, automation_run_id: id } = response as Record<string, unknown>;
  if (Array.isArray(ids)) return ids.filter((v): v is string => typeof v === 'string');
  return typeof id === 'string' ? [id] : [];
}

export type AutomationsEndpoints = ReturnType<typeof automationsEndpoints>;
