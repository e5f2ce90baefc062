import { processWide } from '@/lib/process-wide';
import 'server-only';

// How often the sync may run within Level's request budget. Level publishes no rate limit; the
// only figure any trace gives is 100 requests per minute, hence the default budget. A sync costs
// a page per 100 devices (and groups, ungrouped devices, active alerts, tags), so a large fleet
// at a short interval would spend the whole budget on syncs and leave none for device pages and
// admin actions: the interval stretches until the sync fits its share.

/** The share of the budget syncs may use; the rest stays free for device pages and actions. */
export const SYNC_BUDGET_SHARE = 0.8;

/**
 * While webhooks arrive, the sync is only the safety net for deliveries Level gave up on: Level
 * retries a delivery 3 times about 2 minutes apart, so a lost event is lost for good after ~6
 * minutes. A safety-net sync every 5 minutes reconciles it within the same horizon. For 10,000
 * devices at 100/min that is 300 s instead of ~90 s: about 1,400 instead of 4,800 requests an
 * hour (`npm run bench:sync-budget`). SYNC_WITH_WEBHOOKS_SECONDS overrides it (0: never stretch).
 */
export const WEBHOOK_SAFETY_NET_SECONDS = 300;

const PAGE = 100;

export interface FleetSize {
  devices: number;
  groups: number;
  ungrouped: number;
  activeAlerts: number;
  tags: number;
}

export interface SyncPaceInput {
  /** SYNC_INTERVAL_SECONDS: the shortest interval the operator wants. */
  configuredSeconds: number;
  /** LEVEL_REQUESTS_PER_MINUTE. */
  budgetPerMinute: number;
  /** From the last snapshot; null before the first sync (the configured interval applies). */
  size: FleetSize | null;
  webhooksHealthy: boolean;
  /**
   * Requests the last sync really sent, when known: resolved-alert lookups and serial fallbacks
   * cost more than the list pages, and the interval must pay for what syncs really cost.
   */
  measuredRequestsPerSync?: number | null;
  /** The interval while webhooks are healthy; default WEBHOOK_SAFETY_NET_SECONDS, 0 = no stretch. */
  withWebhooksSeconds?: number;
}

export interface SyncPace {
  configuredSeconds: number;
  budgetPerMinute: number;
  /** Requests one sync costs: list pages at this fleet size, or what the last sync sent if more. */
  requestsPerSync: number;
  /** The shortest interval at which syncs stay within their share of the budget. */
  budgetSeconds: number;
  /** The interval the sync loop uses. */
  effectiveSeconds: number;
  /** What set it: the operator's interval, the budget, or healthy webhooks (the safety net). */
  setBy: 'configured' | 'budget' | 'webhooks';
  webhooksHealthy: boolean;
}

const pages = (items: number) => Math.max(1, Math.ceil(items / PAGE));

export function requestsPerSync(size: FleetSize): number {
  return (
    pages(size.devices) +
    pages(size.groups) +
    pages(size.ungrouped) +
    pages(size.activeAlerts) +
    pages(size.tags)
  );
}

export function syncPace(input: SyncPaceInput): SyncPace {
  const perSync = Math.max(input.size ? requestsPerSync(input.size) : 0, input.measuredRequestsPerSync ?? 0);
  const budgetSeconds = Math.ceil((perSync / (input.budgetPerMinute * SYNC_BUDGET_SHARE)) * 60);
  let effectiveSeconds = Math.max(input.configuredSeconds, budgetSeconds);
  let setBy: SyncPace['setBy'] = budgetSeconds > input.configuredSeconds ? 'budget' : 'configured';
  const withWebhooks = input.withWebhooksSeconds ?? WEBHOOK_SAFETY_NET_SECONDS;
  if (input.webhooksHealthy && effectiveSeconds < withWebhooks) {
    effectiveSeconds = withWebhooks;
    setBy = 'webhooks';
  }
  return {
    configuredSeconds: input.configuredSeconds,
    budgetPerMinute: input.budgetPerMinute,
    requestsPerSync: perSync,
    budgetSeconds,
    effectiveSeconds,
    setBy,
    webhooksHealthy: input.webhooksHealthy,
  };
}

/** Requests syncs send to Level per hour at this pace. */
export function syncRequestsPerHour(pace: SyncPace): number {
  return Math.round((3600 / pace.effectiveSeconds) * pace.requestsPerSync);
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    syncPace: { webhooksHealthy: () => boolean };
  }
}

const shared = processWide('syncPace', () => ({ webhooksHealthy: () => false }));

/**
 * The webhook receiver tells the sync whether webhooks can be relied on (say: a verified event
 * arrived recently and signatures verify). Until something registers, they cannot: the sync keeps
 * its budget-derived interval.
 */
export function setWebhooksHealthy(source: () => boolean): void {
  shared.webhooksHealthy = source;
}

export function webhooksHealthy(): boolean {
  try {
    return shared.webhooksHealthy();
  } catch {
    return false;
  }
}
