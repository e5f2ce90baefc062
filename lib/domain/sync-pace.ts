/**
 * The sync's pace as health and Settings show it: the request budget, the interval the operator
 * asked for, and the interval in force (stretched by the budget at this fleet size, or by healthy
 * webhooks, when the sync is only their safety net).
 */
export interface SyncPaceView {
  budgetPerMinute: number;
  configuredIntervalSeconds: number;
  effectiveIntervalSeconds: number;
  setBy: 'configured' | 'budget' | 'webhooks';
  requestsPerSync: number;
  webhooksHealthy: boolean;
}
