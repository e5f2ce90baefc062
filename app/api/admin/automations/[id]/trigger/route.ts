import { triggerAutomationRoute } from '@/lib/api/routes/admin/actions/automations';

export const POST = triggerAutomationRoute.next;
export const dynamic = 'force-dynamic';
