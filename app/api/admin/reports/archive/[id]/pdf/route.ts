import { reportArchivePdfRoute } from '@/lib/api/routes/admin/report-archive';

export const GET = reportArchivePdfRoute.next;
export const dynamic = 'force-dynamic';
