import { automationsRoute } from '@/lib/api/routes/admin/actions/automations';

export const GET = automationsRoute.next;
export const dynamic = 'force-dynamic';
