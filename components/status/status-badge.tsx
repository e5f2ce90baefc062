import type { DeviceStatus } from '@/lib/domain/fleet';
import { STATUS_LABEL } from '@/lib/format';
import clsx from 'clsx';

export const STATUS_DOT: Record<DeviceStatus, string> = {
  online: 'bg-online',
  offline: 'bg-offline',
  maintenance: 'bg-maintenance',
};

const RING: Record<DeviceStatus, string> = {
  online: 'border-online/40 bg-online/10',
  offline: 'border-offline/50 bg-offline/10',
  maintenance: 'border-maintenance/50 bg-maintenance/10',
};

/**
 * Colour plus a word, never colour alone; `compact` keeps the word for screen readers only, and
 * `compactBelow="md"` does so on phones only.
 */
export function StatusBadge({
  status,
  compact = false,
  compactBelow,
}: {
  status: DeviceStatus;
  compact?: boolean;
  compactBelow?: 'md';
}) {
  return (
    <span
      className={clsx(
        'inline-flex items-center gap-1.5 text-xs font-medium whitespace-nowrap text-ink',
        !compact && 'rounded-full border px-2 py-0.5',
        !compact && RING[status],
        compactBelow && 'max-md:border-0 max-md:bg-transparent max-md:p-0',
      )}
      data-status={status}
    >
      <span aria-hidden className={clsx('size-2 shrink-0 rounded-full', STATUS_DOT[status])} />
      <span className={clsx(compact && 'sr-only', compactBelow && 'max-md:sr-only')}>
        {STATUS_LABEL[status]}
      </span>
    </span>
  );
}
