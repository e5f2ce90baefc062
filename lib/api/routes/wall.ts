import { withAcknowledgements } from '@/lib/api/acknowledgement-view';
import { parseBody } from '@/lib/api/body';
import { errorResult } from '@/lib/api/errors';
import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { readSession, renewedLinkCookie } from '@/lib/auth/session';
import { BUILD_ID } from '@/lib/build-id';
import { getStore } from '@/lib/db/instance';
import { heartbeatSchema } from '@/lib/domain/heartbeat';
import type { HeartbeatAnswer, WallProblemsResponse } from '@/lib/domain/wall';
import { listWallProblems } from '@/lib/fleet/queries/wall-problems';
import { recordHeartbeat } from '@/lib/screens/registry';
import { APP_VERSION } from '@/lib/version';
import 'server-only';
import { z } from 'zod';

/** Polled by walls (and fine for any reader): the problems list of the caller's scope. */
export const wallProblemsRoute = route('wall.problems', (request, _params, access) => {
  parseQuery(request, z.strictObject({}));
  const { snapshot, stale, syncedAt, view } = readFleet(access);
  return withAcknowledgements((acks) =>
    respondVersioned(
      request,
      [snapshot.version, acks.version, stale, view.key],
      () => {
        const list = listWallProblems(snapshot, view.deviceAllowed, view.redact, undefined, acks.lookup);
        const body: WallProblemsResponse = { problems: list.problems, total: list.total, syncedAt, stale };
        return JSON.stringify(body);
      },
      `wall-problems:${view.key}`,
    ),
  );
});

/**
 * A wall's last contact. The only state a wall session may change: it writes its own row and
 * nothing else. Viewer links are refused (they do not open walls).
 */
export const wallHeartbeatRoute = route('wall.heartbeat', async (request, _params, access) => {
  if (access.via === 'link' && access.role === 'viewer')
    return errorResult(403, 'forbidden', 'Only wall screens send heartbeats.');
  const beat = await parseBody(request, heartbeatSchema);
  const ip = clientAddress(request);
  await recordHeartbeat(await getStore(), {
    ...beat, // eslint-disable-line no-restricted-syntax -- written to our own table, not an answer
    linkId: access.via === 'link' && access.role === 'kiosk' ? access.linkId : null,
    ip: ip === 'unknown' ? null : ip,
    userAgent: request.header('user-agent')?.slice(0, 300) ?? null,
  });
  const answer: HeartbeatAnswer = { build: BUILD_ID, version: APP_VERSION, serverTime: Date.now() };
  const renewed = await renewedLinkCookie(await readSession(request.header('cookie')));
  return json(answer, 200, renewed ? { 'Set-Cookie': renewed } : {});
});
