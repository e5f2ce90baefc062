import { eventsRoute } from '@/lib/api/routes/events';

// Under `next dev` (and `next start`) the stream comes through here; the production entry serves
// it from the fast path (server/fast-path.ts), before Next's pipeline.
export const GET = eventsRoute.next;
export const dynamic = 'force-dynamic';
