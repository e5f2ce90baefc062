import { forEachBounded } from '@/lib/actions/bounded';
import { withAlertsResolved } from '@/lib/actions/fleet-patches';
import { runAction } from '@/lib/actions/run-action';
import { actingScope, levelIdSchema, MAX_BULK } from '@/lib/actions/targets';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { NotFoundError } from '@/lib/domain/errors';
import { getEnv } from '@/lib/env';
import { patchFleet } from '@/lib/fleet/instance';
import { describeLevelError } from '@/lib/level/errors';
import 'server-only';
import { z } from 'zod';

const resolveSchema = z.strictObject({
  alertIds: z
    .array(levelIdSchema)
    .min(1, { error: 'needs at least one alert' })
    .max(MAX_BULK)
    .transform((ids) => [...new Set(ids)]),
});

export const resolveAlertsRoute = route(
  'admin.alerts.resolve',
  async (request, _params, access) => {
    const { alertIds } = await parseBody(request, resolveSchema);
    const { snapshot, view } = actingScope(access);
    // An alert on a device outside the caller's scope is as unknown as one that does not exist.
    const active = new Set(
      snapshot.activeAlerts.filter((alert) => view.deviceIdAllowed(alert.deviceId)).map((alert) => alert.id),
    );
    const unknown = alertIds.filter((id) => !active.has(id));
    if (unknown.length > 0)
      throw new NotFoundError(`No active alert with id ${unknown.slice(0, 5).join(', ')}.`);

    const result = await runAction(
      {
        request,
        access,
        action: 'alerts.resolve',
        target: alertIds.length === 1 ? `alert ${alertIds[0]}` : `${alertIds.length} alerts`,
        detail: { count: alertIds.length },
      },
      async (client) => {
        const run = await forEachBounded(alertIds, getEnv().LEVEL_CONCURRENCY, (id) =>
          client.alerts.resolve(id),
        );
        // Nothing resolved and Level refused: report the refusal itself (read-only key, 429 …).
        if (run.done.length === 0 && run.failed[0]) throw run.failed[0].error;
        await patchFleet((data) => withAlertsResolved(data, run.done, new Date()));
        const failed = [
          ...run.failed.map(({ id, error }) => ({ id, message: describeLevelError(error) })),
          ...run.skipped.map((id) => ({ id, message: 'Not attempted: Level refused an earlier one.' })),
        ];
        return {
          value: { resolved: run.done.map((alert) => alert.id), failed },
          detail: { resolved: run.done.length, failed: failed.length },
        };
      },
    );
    return json(result, result.failed.length > 0 ? 207 : 200);
  },
  { access: 'act' },
);
