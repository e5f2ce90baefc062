import { Card } from '@/components/ui/card';
import { UsageBar } from '@/components/ui/usage-bar';
import type { DeviceDetail } from '@/lib/domain/level';
import { formatBytes } from '@/lib/format';
import { HardDrive, Lock, LockOpen } from 'lucide-react';

/** Disks, then partitions with how full each is; the fullest first, since that is what gets fixed. */
export function DeviceStorage({ detail }: { detail: DeviceDetail }) {
  const partitions = [...(detail.diskPartitions ?? [])].sort((a, b) => usedPct(b) - usedPct(a));
  return (
    <Card id="storage" title="Storage" testId="device-storage">
      {detail.disks?.length ? (
        <ul className="mb-4 space-y-1 text-sm" aria-label="Disks">
          {detail.disks.map((disk, index) => (
            <li key={`${disk.serialNumber ?? ''}-${index}`} className="flex items-center gap-2">
              <HardDrive className="size-4 shrink-0 text-muted" aria-hidden />
              <span className="min-w-0 truncate">{disk.model ?? 'Disk'}</span>
              <span className="ml-auto shrink-0 text-muted">
                {[disk.diskType, formatBytes(disk.sizeBytes)].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {partitions.length ? (
        <ul className="space-y-3" aria-label="Partitions">
          {partitions.map((partition, index) => {
            const name = partition.mountPoint ?? partition.label ?? `Partition ${index + 1}`;
            const pct = usedPct(partition);
            return (
              <li key={`${name}-${index}`} data-testid="partition">
                <div className="mb-1 flex items-baseline justify-between gap-2 text-sm">
                  <span className="flex min-w-0 items-center gap-1.5 font-medium">
                    {partition.encrypted ? (
                      <Lock className="size-3.5 shrink-0 text-online" aria-label="Encrypted" />
                    ) : partition.encrypted === false ? (
                      <LockOpen className="size-3.5 shrink-0 text-muted" aria-label="Not encrypted" />
                    ) : null}
                    <span className="truncate">{name}</span>
                    <span className="shrink-0 text-xs font-normal text-muted">
                      {[partition.fileSystem, partition.primary ? 'primary' : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </span>
                  <span className="shrink-0 text-xs text-muted">
                    {formatBytes(partition.freeSpaceBytes)} free of {formatBytes(partition.sizeBytes)}
                  </span>
                </div>
                <UsageBar usedPct={pct} label={`${name}: ${Math.round(pct)} % used`} />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-muted">Level reported no partitions for this device.</p>
      )}
    </Card>
  );
}

function usedPct(partition: { sizeBytes: number | null; freeSpaceBytes: number | null }): number {
  if (!partition.sizeBytes || partition.freeSpaceBytes === null) return 0;
  return ((partition.sizeBytes - partition.freeSpaceBytes) / partition.sizeBytes) * 100;
}
