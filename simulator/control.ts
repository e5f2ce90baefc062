import { ApiError, badRequest } from '@/simulator/errors';
import type { FaultController } from '@/simulator/faults';
import { readJson, sendError, sendJson } from '@/simulator/http-io';
import type { RequestStats } from '@/simulator/request-stats';
import type { SimulatorState } from '@/simulator/state';
import { ALERT_SEVERITIES, type AlertSeverity, type Json } from '@/simulator/types';
import { webhookControl } from '@/simulator/webhook-control';
import type { WebhookSender } from '@/simulator/webhook-sender';
import type { WebhookSettings } from '@/simulator/webhook-settings';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

export interface ControlContext {
  readonly state: SimulatorState;
  readonly faults: FaultController;
  readonly stats: RequestStats;
  readonly controlToken: string;
  readonly snapshot: () => Json;
  readonly webhooks: WebhookSender;
  readonly webhookStartup: WebhookSettings;
}

export const CONTROL_HEADER = 'x-simulator-control';

const deviceStatusSchema = z.strictObject({
  online: z.boolean().optional(),
  maintenance_mode: z.boolean().optional(),
});
const alertSchema = z.strictObject({
  device_id: z.string(),
  severity: z.enum(ALERT_SEVERITIES as [AlertSeverity, ...AlertSeverity[]]),
  name: z.string().min(1).optional(),
  description: z.string().optional(),
});
const clockSchema = z.strictObject({ frozen: z.boolean() });
const enrolSchema = z.strictObject({ group_id: z.string().nullable().optional() });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw badRequest(z.prettifyError(result.error));
  return result.data;
}

/** /_sim/*: test and demo controls. Never subject to faults, never counted in request stats. */
export async function handleControl(
  ctx: ControlContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.headers[CONTROL_HEADER] !== ctx.controlToken) return sendError(res, 401, 'Access denied');
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  try {
    const body = method === 'GET' ? undefined : await readJson(req);
    sendJson(res, 200, route(ctx, method, path, body));
  } catch (error) {
    if (error instanceof ApiError) return sendError(res, error.status, error.message);
    sendError(res, 500, error instanceof Error ? error.message : 'Internal error');
  }
}

function route(ctx: ControlContext, method: string, path: string, body: unknown): Json {
  const { state, faults, stats } = ctx;
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /_sim/stats':
      return ctx.snapshot();
    case 'GET /_sim/faults':
      return { ...faults.get() };
    case 'PUT /_sim/faults':
      return { ...faults.set((body ?? {}) as Parameters<FaultController['set']>[0]) };
    case 'DELETE /_sim/faults':
      return { ...faults.reset() };
    case 'POST /_sim/alerts':
      return state.openAlert(parse(alertSchema, body));
    case 'POST /_sim/clock':
      state.setFrozen(parse(clockSchema, body).frozen);
      return { frozen: state.isFrozen() };
    case 'POST /_sim/tick':
      state.tick();
      return ctx.snapshot();
    case 'GET /_sim/listing':
      return { ...state.listing.get() };
    case 'PUT /_sim/listing':
      return { ...state.listing.set(body) };
    case 'DELETE /_sim/listing':
      return { ...state.listing.reset() };
    case 'POST /_sim/devices':
      return state.enrolDevice(parse(enrolSchema, body));
    case 'POST /_sim/requests/reset':
      stats.reset();
      return { ...stats.withViolations() };
    case 'GET /_sim/requests':
      return { ...stats.withViolations() };
  }
  const webhook = webhookControl(ctx.webhooks, ctx.webhookStartup, state, key, body);
  if (webhook !== undefined) return webhook;
  const device = /^\/_sim\/devices\/([^/]+)$/.exec(path)?.[1];
  if (method === 'POST' && device !== undefined) {
    return state.setDeviceStatus(decodeURIComponent(device), parse(deviceStatusSchema, body));
  }
  throw new ApiError(404, 'Not found');
}
