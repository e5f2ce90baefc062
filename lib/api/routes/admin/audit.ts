import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { listAuditView } from '@/lib/auth/audit-view';
import { getStore } from '@/lib/db/instance';
import 'server-only';

export const auditRoute = route(
  'admin.audit',
  async () => json({ entries: await listAuditView(await getStore()) }),
  {
    access: 'admin',
  },
);
