import { errorResult } from '@/lib/api/errors';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { webhookReceiver } from '@/lib/runtime/webhooks';
import 'server-only';

// POST /api/webhooks/level: Level's webhook deliveries (lib/webhooks/receiver.ts). Public (Level
// has no session) and exempt from the same-origin check: the signature over the body is the
// authentication. The body is capped at 64 KB by the edge and by the byte reader (413).
// Level counts any 2xx as delivered; refusals are 4xx so Level's request log shows why. Not
// configured is a 403, not a 503: it is a decision of the operator, not an outage, and hostile
// input must never produce a 5xx.
export const levelWebhookRoute = route(
  'webhooks.level',
  async (request) => {
    const body = request.bytes ? await request.bytes() : Buffer.from(await request.text(), 'utf8');
    const outcome = await webhookReceiver().receive(body, request.header('x-level-signature'));
    switch (outcome.kind) {
      case 'not_configured':
        return errorResult(
          403,
          'webhooks_not_configured',
          'No webhook secret is set in Levelboard (LEVEL_WEBHOOK_SECRET or Settings): deliveries are refused.',
        );
      case 'bad_signature':
        return errorResult(401, 'bad_signature', 'Missing or wrong X-Level-Signature.');
      case 'invalid':
        return errorResult(400, 'bad_request', outcome.problem);
      case 'duplicate':
        return json({ ok: true, eventId: outcome.eventId, result: 'duplicate' });
      case 'ignored':
        return json({ ok: true, eventId: outcome.eventId, result: 'ignored', reason: outcome.reason }, 202);
      case 'superseded':
        return json({ ok: true, eventId: outcome.eventId, result: 'superseded' });
      case 'applied':
        return json({ ok: true, eventId: outcome.eventId, result: 'applied' });
    }
  },
  { access: 'public', crossSite: 'signed' },
);
