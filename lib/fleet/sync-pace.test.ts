import {
  requestsPerSync,
  syncPace,
  syncRequestsPerHour,
  WEBHOOK_SAFETY_NET_SECONDS,
} from '@/lib/fleet/sync-pace';
import { describe, expect, it } from 'vitest';

const size = (devices: number) => ({
  devices,
  groups: Math.ceil(devices / 30),
  ungrouped: Math.round(devices * 0.02),
  activeAlerts: Math.round(devices * 0.05),
  tags: 12,
});

describe('syncPace', () => {
  it('counts a page per 100 items of each list, at least one each', () => {
    expect(requestsPerSync({ devices: 0, groups: 0, ungrouped: 0, activeAlerts: 0, tags: 0 })).toBe(5);
    expect(requestsPerSync(size(10_000))).toBe(100 + 4 + 2 + 5 + 1);
  });

  it('keeps the configured interval while syncs fit in 80 % of the budget', () => {
    const pace = syncPace({
      configuredSeconds: 30,
      budgetPerMinute: 100,
      size: size(500),
      webhooksHealthy: false,
    });
    expect(pace).toMatchObject({ effectiveSeconds: 30, setBy: 'configured', requestsPerSync: 9 });
  });

  it('stretches the interval when the fleet would spend the budget: 10,000 devices at 100/min', () => {
    const pace = syncPace({
      configuredSeconds: 30,
      budgetPerMinute: 100,
      size: size(10_000),
      webhooksHealthy: false,
    });
    // 112 requests per sync within 80 per minute: one sync every 84 s.
    expect(pace).toMatchObject({
      requestsPerSync: 112,
      budgetSeconds: 84,
      effectiveSeconds: 84,
      setBy: 'budget',
    });
    expect(syncRequestsPerHour(pace)).toBeLessThanOrEqual(0.8 * 100 * 60);
  });

  it('pays for what the last sync really sent when that was more (lookups, a serial fallback)', () => {
    const pace = syncPace({
      configuredSeconds: 30,
      budgetPerMinute: 100,
      size: size(10_000),
      webhooksHealthy: false,
      measuredRequestsPerSync: 160,
    });
    expect(pace).toMatchObject({ requestsPerSync: 160, effectiveSeconds: 120 });
    const fewer = syncPace({
      configuredSeconds: 30,
      budgetPerMinute: 100,
      size: size(10_000),
      webhooksHealthy: false,
      measuredRequestsPerSync: 50,
    });
    expect(fewer.requestsPerSync).toBe(112);
  });

  it('follows a larger budget back down to the configured interval', () => {
    const pace = syncPace({
      configuredSeconds: 30,
      budgetPerMinute: 1_000,
      size: size(10_000),
      webhooksHealthy: false,
    });
    expect(pace).toMatchObject({ effectiveSeconds: 30, setBy: 'configured' });
  });

  it('uses the configured interval before the first sync (no fleet size yet)', () => {
    const pace = syncPace({
      configuredSeconds: 30,
      budgetPerMinute: 100,
      size: null,
      webhooksHealthy: false,
    });
    expect(pace).toMatchObject({ effectiveSeconds: 30, requestsPerSync: 0 });
  });

  it('lets healthy webhooks stretch the safety-net sync, never shorten it', () => {
    const healthy = syncPace({
      configuredSeconds: 30,
      budgetPerMinute: 100,
      size: size(10_000),
      webhooksHealthy: true,
    });
    expect(healthy).toMatchObject({ effectiveSeconds: WEBHOOK_SAFETY_NET_SECONDS, setBy: 'webhooks' });
    const slow = syncPace({
      configuredSeconds: 900,
      budgetPerMinute: 100,
      size: size(10_000),
      webhooksHealthy: true,
    });
    expect(slow).toMatchObject({ effectiveSeconds: 900, setBy: 'configured' });
  });
});
