import { route } from '@/lib/api/handler';
import { liveHub } from '@/lib/api/live/instance';
import { parseQuery } from '@/lib/api/params';
import type { ApiRequest } from '@/lib/api/types';
import { stillOpens, stillOpensNow } from '@/lib/auth/access';
import 'server-only';
import { z } from 'zod';

// GET /api/events: one Server-Sent Events stream per browser tab (lib/query/live.ts). A `read`
// route like every other: the admin or a share link. What it sends (lib/api/live/hub.ts) is the
// same for every caller — version numbers, never an id — so a link's scope has nothing to
// filter; the stream still ends as soon as the caller's session or link stops opening anything
// (revoked, expired, signed out), as its next poll would have answered 401.

const HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: compression (Next's, a proxy's) would hold events back to fill a block.
  'Cache-Control': 'no-cache, no-transform',
  // nginx buffers proxied answers unless told not to.
  'X-Accel-Buffering': 'no',
  Vary: 'Cookie',
};

/** Whether the caller's cookie still opens anything, from memory when it can. */
function stillAllowed(request: ApiRequest): boolean | Promise<boolean> {
  const cookie = request.header('cookie');
  return stillOpensNow(cookie) ?? stillOpens(cookie);
}

// It takes no parameters; like every route, it refuses ones it does not know.
const query = z.object({}).strict();

export const eventsRoute = route('events', (request) => {
  parseQuery(request, query);
  // Next answers HEAD with the GET handler and sends no body: a stream opened for it would never
  // be read nor closed.
  if (request.method === 'HEAD') return { status: 200, headers: HEADERS };
  return {
    status: 200,
    headers: HEADERS,
    stream: {
      start(sink) {
        const close = liveHub().open(sink, () => stillAllowed(request));
        return { onClose: close };
      },
    },
  };
});
