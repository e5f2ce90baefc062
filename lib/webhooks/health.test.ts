import type { WebhookStatus } from '@/lib/domain/webhooks';
import { WEBHOOK_QUIET_MS, webhooksLookHealthy } from '@/lib/webhooks/health';
import { describe, expect, it } from 'vitest';

const NOW = Date.parse('2026-12-06T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const status = (overrides: Partial<WebhookStatus>): WebhookStatus => ({
  configured: true,
  secretSource: 'env',
  lastEventAt: iso(NOW - 60_000),
  lastEventType: 'alert_active',
  eventsToday: 3,
  signatureFailuresToday: 0,
  lastSignatureFailureAt: null,
  ...overrides,
});

describe('webhooksLookHealthy', () => {
  it('trusts a configured receiver with a recent signed event', () => {
    expect(webhooksLookHealthy(status({}), NOW)).toBe(true);
  });

  it('does not trust webhooks without a secret, before any event, or after a quiet spell', () => {
    expect(webhooksLookHealthy(status({ configured: false, secretSource: null }), NOW)).toBe(false);
    expect(webhooksLookHealthy(status({ lastEventAt: null }), NOW)).toBe(false);
    expect(webhooksLookHealthy(status({ lastEventAt: iso(NOW - WEBHOOK_QUIET_MS) }), NOW)).toBe(false);
  });

  it('stops trusting them once a delivery fails its signature after the last good one', () => {
    expect(webhooksLookHealthy(status({ lastSignatureFailureAt: iso(NOW - 1_000) }), NOW)).toBe(false);
    expect(webhooksLookHealthy(status({ lastSignatureFailureAt: iso(NOW - 120_000) }), NOW)).toBe(true);
  });
});
