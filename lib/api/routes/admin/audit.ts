import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { json } from '@/lib/api/types';
import { auditPeople } from '@/lib/auth/audit';
import { listAuditView } from '@/lib/auth/audit-view';
import { getStore } from '@/lib/db/instance';
import 'server-only';
import { z } from 'zod';

const auditQuery = z.strictObject({
  /** One person's entries: a user id, or `break-glass`. */
  actorId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const auditRoute = route(
  'admin.audit',
  async (request) => {
    const { actorId, limit } = parseQuery(request, auditQuery);
    const store = await getStore();
    const [entries, people] = await Promise.all([listAuditView(store, limit, actorId), auditPeople(store)]);
    return json({ entries, people });
  },
  { access: 'admin' },
);
