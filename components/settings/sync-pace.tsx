import type { SyncPaceView } from '@/lib/domain/sync-pace';

const SET_BY = {
  configured: 'as configured (SYNC_INTERVAL_SECONDS)',
  budget: 'stretched so that syncs keep to 80 % of the request budget at this fleet size',
  webhooks: 'the safety net while webhooks deliver changes',
};

/** Request budget and the sync interval in force, beside the Level connection. */
export function SyncPaceLine({ pace }: { pace: SyncPaceView }) {
  return (
    <p data-testid="sync-pace">
      Request budget: {pace.budgetPerMinute}/min · syncs every {pace.effectiveIntervalSeconds}&nbsp;s,{' '}
      {SET_BY[pace.setBy]}
      {pace.requestsPerSync > 0 ? ` · about ${pace.requestsPerSync} requests per sync` : ''}
    </p>
  );
}
