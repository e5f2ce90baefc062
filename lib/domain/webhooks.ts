// What Levelboard says about Level's webhooks (issue 17): in /api/health and in Settings.

/** `demo`: demo mode's built-in simulator signs with a secret this process made at start. */
export type WebhookSecretSource = 'env' | 'settings' | 'demo' | null;

/** Times are ISO strings; "today" is the UTC day, the same on every replica. */
export interface WebhookStatus {
  /** A secret is set (env or Settings): without one the receiver refuses everything. */
  configured: boolean;
  secretSource: WebhookSecretSource;
  lastEventAt: string | null;
  lastEventType: string | null;
  /** Accepted (signed) events received since midnight UTC; duplicates are not counted again. */
  eventsToday: number;
  /** Deliveries refused for a missing or wrong signature since midnight UTC. */
  signatureFailuresToday: number;
  lastSignatureFailureAt: string | null;
}

/** GET /api/admin/settings/webhook. */
export interface WebhookSettingsView {
  status: WebhookStatus;
  /** LEVEL_WEBHOOK_SECRET is set: it wins, Settings cannot change it. */
  envSecretSet: boolean;
  /** The path Level must post to (behind the operator's HTTPS proxy). */
  receiverPath: string;
}
