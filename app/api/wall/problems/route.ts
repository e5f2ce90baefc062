import { wallProblemsRoute } from '@/lib/api/routes/wall';

export const GET = wallProblemsRoute.next;
export const dynamic = 'force-dynamic';
