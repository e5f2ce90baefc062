import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { json } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import type { DeliveryPage } from '@/lib/domain/notification-deliveries';
import { deliveryCursor, listDeliveries, parseDeliveryCursor } from '@/lib/notify/delivery-log';
import 'server-only';
import { z } from 'zod';

// Settings → Notifications → Delivery log (admin): what was sent where, and each receiver's answer.

const deliveriesQuery = z.strictObject({
  channelId: z.string().min(1).max(100).optional(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(),
  /** `nextBefore` of the previous page. */
  before: z
    .string()
    .max(200)
    .refine((text) => parseDeliveryCursor(text) !== null, {
      error: 'must be the nextBefore of a previous page',
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const deliveriesRoute = route(
  'admin.notifications.deliveries',
  async (request) => {
    const query = parseQuery(request, deliveriesQuery);
    const deliveries = await listDeliveries(await getStore(), query);
    const last = deliveries.at(-1);
    const page: DeliveryPage = {
      deliveries,
      nextBefore: last && deliveries.length === query.limit ? deliveryCursor(last) : null,
    };
    return json(page);
  },
  { access: 'admin' },
);
