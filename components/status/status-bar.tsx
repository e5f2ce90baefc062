import type { DeviceCounts } from '@/lib/domain/fleet';
import { formatCount } from '@/lib/format';
import clsx from 'clsx';

/** Online / maintenance / offline shares as one bar; the numbers are in the title and nearby text. */
export function StatusBar({ devices, className }: { devices: DeviceCounts; className?: string }) {
  const total = Math.max(1, devices.total);
  const part = (value: number) => `${(value / total) * 100}%`;
  return (
    <div
      className={clsx('flex h-2 overflow-hidden rounded-full bg-sunken', className)}
      title={`${formatCount(devices.online)} online, ${formatCount(devices.offline)} offline, ${formatCount(devices.maintenance)} in maintenance`}
      aria-hidden
    >
      <span className="bg-online" style={{ width: part(devices.online) }} />
      <span className="bg-maintenance" style={{ width: part(devices.maintenance) }} />
      <span className="bg-offline" style={{ width: part(devices.offline) }} />
    </div>
  );
}
