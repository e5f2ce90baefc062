import { runAction } from '@/lib/actions/run-action';
import {
  actingScope,
  describeDevices,
  deviceIdsSchema,
  pathId,
  requireDevices,
  type ActingScope,
} from '@/lib/actions/targets';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import type { AutomationWebhook } from '@/lib/domain/automation';
import { ConflictError, LevelFailedError } from '@/lib/domain/errors';
import { chunkIds } from '@/lib/level/endpoints/shared';
import { getLevelClient } from '@/lib/runtime/level-client';
import 'server-only';
import { z } from 'zod';

const triggerSchema = z.strictObject({
  deviceIds: deviceIdsSchema,
  /** Extra webhook variables (Level maps them when the trigger defines them). */
  variables: z
    .record(
      z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { error: 'variable names are letters, digits and _' }),
      z.string().max(1_000),
    )
    .refine((vars) => Object.keys(vars).length <= 20, { message: 'at most 20 variables' })
    .refine((vars) => !('device_ids' in vars), { message: 'device_ids is set from the selection' })
    .optional(),
});

/**
 * The automations and, for those with one, their webhook trigger. The trigger URL ends in a
 * token that runs the automation, so it never leaves the server: the browser names automations
 * by id.
 */
/**
 * Level files an automation under a group path (`Client / Site`). A scoped person sees those
 * filed under their own groups and those filed under none (fleet-wide), never another client's
 * path.
 */
function automationFilter({
  snapshot,
  view,
}: ActingScope): (automation: { groupName: string | null }) => boolean {
  if (!view.scoped) return () => true;
  const paths = new Set<string>();
  for (const node of snapshot.groupNodes.values())
    if (view.groupAllowed(node.id)) paths.add(node.path.join(' / '));
  return (automation) => automation.groupName === null || paths.has(automation.groupName);
}

export const automationsRoute = route(
  'admin.automations.list',
  async (_request, _params, access) => {
    const visible = automationFilter(actingScope(access));
    const client = getLevelClient();
    const [automations, webhooks] = await Promise.all([
      client.automations.listAll(),
      client.automations.webhooks(),
    ]);
    const hookOf = new Map<string, AutomationWebhook>();
    for (const hook of webhooks) if (hook.automationId) hookOf.set(hook.automationId, hook);
    return json({
      automations: automations
        .filter(visible)
        .map((automation) => {
          const hook = hookOf.get(automation.id);
          return {
            id: automation.id,
            name: automation.name,
            description: automation.description,
            groupName: automation.groupName,
            webhook: hook
              ? { requiresAuthorizationHeader: hook.requiresAuthorizationHeader, parameters: hook.parameters }
              : null,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
  },
  { access: 'act' },
);

export const triggerAutomationRoute = route(
  'admin.automations.trigger',
  async (request, params, access) => {
    const id = pathId(params);
    const { deviceIds, variables } = await parseBody(request, triggerSchema);
    requireDevices(actingScope(access), deviceIds);
    const result = await runAction(
      {
        request,
        access,
        action: 'automations.trigger',
        target: `automation ${id}`,
        detail: { devices: describeDevices(deviceIds), variables: variables ? Object.keys(variables) : [] },
      },
      async (client) => {
        const hook = (await client.automations.webhooks()).find((candidate) => candidate.automationId === id);
        if (!hook)
          throw new ConflictError(
            'no_webhook',
            'This automation has no webhook trigger in Level. Add one in Level to run it from Levelboard.',
          );
        const runIds: string[] = [];
        let sent = 0;
        // One trigger per 100 devices, one after another; a trigger is never retried, since the
        // automation may already be running.
        for (const chunk of chunkIds(deviceIds)) {
          try {
            const answer = await client.automations.trigger(hook.token, { deviceIds: chunk, variables });
            runIds.push(...answer.runIds);
            sent += chunk.length;
          } catch (error) {
            if (sent === 0) throw error;
            throw new LevelFailedError(
              'partially_triggered',
              `Triggered for ${sent} of ${deviceIds.length} devices; Level failed on the rest. Check the runs in Level before retrying.`,
            );
          }
        }
        return {
          value: { automationName: hook.automationName, devices: sent, runIds },
          detail: { automationName: hook.automationName, triggered: sent, runs: runIds.length },
        };
      },
    );
    return json(result);
  },
  { access: 'act' },
);
