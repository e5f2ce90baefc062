import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { syncPaceView } from '@/lib/api/sync-pace-view';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { auditAs } from '@/lib/auth/audit';
import { lastFour, storeApiKey } from '@/lib/auth/key-vault';
import type { Access } from '@/lib/auth/scope';
import { getStore } from '@/lib/db/instance';
import { ConflictError, InvalidInputError } from '@/lib/domain/errors';
import { getEnv } from '@/lib/env';
import { currentSyncPace, fleetService, isSyncLeader } from '@/lib/fleet/instance';
import { registerSecret } from '@/lib/logger';
import { applyConnection } from '@/lib/runtime/connection';
import { getLevelConnection } from '@/lib/runtime/level-connection';
import { testConnection } from '@/lib/runtime/test-connection';
import 'server-only';
import { z } from 'zod';

const apiKeySchema = z
  .string()
  .trim()
  .min(8, { error: 'looks too short for a Level API key' })
  .max(512)
  .regex(/^[\x21-\x7e]+$/, { error: 'may only contain visible ASCII characters' });

export const levelSettingsRoute = route(
  'admin.settings.level',
  () => {
    const connection = getLevelConnection();
    const sync = fleetService().status();
    return json({
      source: connection?.source ?? 'demo',
      apiUrl: getEnv().LEVEL_API_URL,
      keyHint: connection && connection.source !== 'demo' ? lastFour(connection.apiKey) : null,
      envKeySet: Boolean(getEnv().LEVEL_API_KEY),
      lastErrorKind: sync.lastErrorKind,
      lastError: sync.lastError,
      syncedAt: sync.syncedAt,
      syncPace: syncPaceView(currentSyncPace()),
    });
  },
  { access: 'admin' },
);

async function changeKey(apiKey: string | null, ip: string, access: Access) {
  if (getEnv().LEVEL_API_KEY) {
    throw new ConflictError(
      'env_key_set',
      'LEVEL_API_KEY is set in the environment, and it wins over Settings. Change it there.',
    );
  }
  const store = await getStore();
  if (apiKey) registerSecret(apiKey);
  await storeApiKey(store, apiKey);
  await applyConnection(store);
  await auditAs(store, access, {
    action: apiKey ? 'settings.level_key.set' : 'settings.level_key.remove',
    result: 'ok',
    detail: apiKey ? { keyHint: lastFour(apiKey) } : undefined,
    ip,
  });
  // The next sync uses the new key: now, and back on the normal schedule (no 401 back-off).
  if (isSyncLeader()) void fleetService().resync();
}

export const setLevelKeyRoute = route(
  'admin.settings.level.set',
  async (request, _params, access) => {
    const { apiKey } = await parseBody(request, z.object({ apiKey: apiKeySchema }));
    await changeKey(apiKey, clientAddress(request), access);
    return json({ ok: true, keyHint: lastFour(apiKey) });
  },
  { access: 'admin' },
);

export const removeLevelKeyRoute = route(
  'admin.settings.level.remove',
  async (request, _params, access) => {
    await changeKey(null, clientAddress(request), access);
    return json({ ok: true });
  },
  { access: 'admin' },
);

export const testLevelKeyRoute = route(
  'admin.settings.level.test',
  async (request, _params, access) => {
    const { apiKey } = await parseBody(request, z.object({ apiKey: apiKeySchema.optional() }));
    const connection = getLevelConnection();
    const key = apiKey ?? connection?.apiKey;
    if (!key) throw new InvalidInputError('No API key to test.');
    if (apiKey) registerSecret(apiKey);
    const baseUrl =
      apiKey || connection?.source !== 'demo'
        ? getEnv().LEVEL_API_URL
        : (connection?.baseUrl ?? getEnv().LEVEL_API_URL);
    const outcome = await testConnection(baseUrl, key);
    // The key in use works (again): sync now instead of after the back-off of a 401.
    if (outcome.result === 'ok' && key === connection?.apiKey && isSyncLeader()) void fleetService().resync();
    await auditAs(await getStore(), access, {
      action: 'settings.level_key.test',
      result: outcome.result === 'ok' ? 'ok' : 'failed',
      detail: { result: outcome.result },
      ip: clientAddress(request),
    });
    return json(outcome);
  },
  { access: 'admin' },
);

export const syncNowRoute = route(
  'fleet.sync',
  async (request, _params, access) => {
    if (!isSyncLeader())
      throw new ConflictError('not_leader', 'This replica does not sync; the leader does.');
    const snapshot = await fleetService().syncNow();
    await auditAs(await getStore(), access, {
      action: 'fleet.sync_now',
      result: 'ok',
      ip: clientAddress(request),
    });
    return json({ ok: true, syncedAt: snapshot?.syncedAt ?? null, status: fleetService().status() });
  },
  { access: 'act' },
);
