import type { WebhookStatus } from '@/lib/domain/webhooks';
import 'server-only';

/** The webhook status as answered by /api/health and Settings, field by field. */
export function webhookStatusView(status: WebhookStatus): WebhookStatus {
  return {
    configured: status.configured,
    secretSource: status.secretSource,
    lastEventAt: status.lastEventAt,
    lastEventType: status.lastEventType,
    eventsToday: status.eventsToday,
    signatureFailuresToday: status.signatureFailuresToday,
    lastSignatureFailureAt: status.lastSignatureFailureAt,
  };
}
