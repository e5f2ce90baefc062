import { createRuleRoute, listRulesRoute } from '@/lib/api/routes/notifications/rules';

export const GET = listRulesRoute.next;
export const POST = createRuleRoute.next;
export const dynamic = 'force-dynamic';
