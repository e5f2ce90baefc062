import { StatTile } from '@/components/status/stat-tile';
import type { SeverityCounts } from '@/lib/domain/fleet';
import { SEVERITIES } from '@/lib/domain/severity';

const LABEL = {
  information: 'Information',
  warning: 'Warning',
  critical: 'Critical',
  emergency: 'Emergency',
};

export function SeverityTiles({ counts }: { counts: SeverityCounts | undefined }) {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {[...SEVERITIES].reverse().map((severity) => (
        <StatTile
          key={severity}
          label={LABEL[severity]}
          value={counts?.[severity]}
          tone={severity}
          testId={`tile-alerts-${severity}`}
        />
      ))}
    </div>
  );
}
