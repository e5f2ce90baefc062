import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { listAudit } from '@/lib/auth/audit';
import { getStore } from '@/lib/db/instance';
import 'server-only';

export const auditRoute = route(
  'admin.audit',
  async () => json({ entries: await listAudit(await getStore()) }),
  {
    access: 'admin',
  },
);
