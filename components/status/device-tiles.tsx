import { StatTile } from '@/components/status/stat-tile';
import type { DeviceCounts } from '@/lib/domain/fleet';

export function DeviceTiles({
  counts,
  prefix = 'tile',
}: {
  counts: DeviceCounts | undefined;
  prefix?: string;
}) {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatTile label="Total" value={counts?.total} testId={`${prefix}-total`} />
      <StatTile label="Online" value={counts?.online} tone="online" testId={`${prefix}-online`} />
      <StatTile label="Offline" value={counts?.offline} tone="offline" testId={`${prefix}-offline`} />
      <StatTile
        label="Maintenance"
        value={counts?.maintenance}
        tone="maintenance"
        testId={`${prefix}-maintenance`}
      />
    </div>
  );
}
