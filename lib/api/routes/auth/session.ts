import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { linkSessionView } from '@/lib/auth/link-session-view';
import { BREAK_GLASS_ID } from '@/lib/auth/scope';
import { fleetService } from '@/lib/fleet/instance';
import 'server-only';

/** Who this browser is: a person (role, name, scope) or a share link (what it covers, when it ends). */
export const sessionRoute = route('auth.session', async (_request, _params, access) => {
  if (access.via === 'person') {
    return json({
      role: access.role,
      via: 'person',
      person: {
        id: access.person.id,
        name: access.person.name,
        email: access.person.email,
        breakGlass: access.person.id === BREAK_GLASS_ID,
      },
      scope: access.scope,
    });
  }
  return json({
    role: access.role,
    via: 'link',
    scope: access.scope,
    redact: access.redact,
    wall: access.wall,
    // For the "Shared view" badge: the link's name, what it covers and when it ends.
    link: await linkSessionView(access, fleetService().current()),
  });
});
