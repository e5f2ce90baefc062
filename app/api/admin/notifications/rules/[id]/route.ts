import { deleteRuleRoute, updateRuleRoute } from '@/lib/api/routes/notifications/rules';

export const PATCH = updateRuleRoute.next;
export const DELETE = deleteRuleRoute.next;
export const dynamic = 'force-dynamic';
