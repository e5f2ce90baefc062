import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { auditAs } from '@/lib/auth/audit';
import { BUILD_ID } from '@/lib/build-id';
import { getStore } from '@/lib/db/instance';
import { NotFoundError } from '@/lib/domain/errors';
import { forgetWallScreen, listWallScreens } from '@/lib/screens/registry';
import 'server-only';

export const wallScreensRoute = route(
  'admin.walls.list',
  async () => json({ walls: await listWallScreens(await getStore(), BUILD_ID), build: BUILD_ID }),
  { access: 'admin' },
);

export const forgetWallScreenRoute = route(
  'admin.walls.forget',
  async (request, params, access) => {
    const store = await getStore();
    const id = params.id ?? '';
    if (!(await forgetWallScreen(store, id))) throw new NotFoundError(`No wall screen with id "${id}".`);
    await auditAs(store, access, {
      action: 'wall.forget',
      target: id,
      result: 'ok',
      ip: clientAddress(request),
    });
    return json({ ok: true });
  },
  { access: 'admin' },
);
