import { auditRoute } from '@/lib/api/routes/admin/audit';

export const GET = auditRoute.next;
export const dynamic = 'force-dynamic';
