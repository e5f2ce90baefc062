import type { Acknowledgement } from '@/lib/domain/acknowledgement';
import { formatAbsolute, formatTime } from '@/lib/format';
import { Hand } from 'lucide-react';

/** "acknowledged · on it · 10:42": the same words on the dashboard and on the wall. */
export function acknowledgedText(ack: Acknowledgement): string {
  return ['acknowledged', ack.note, formatTime(ack.at)].filter(Boolean).join(' · ');
}

export function AcknowledgedLabel({ ack, className = '' }: { ack: Acknowledgement; className?: string }) {
  return (
    <span
      className={`inline-flex min-w-0 items-center gap-1 text-muted ${className}`}
      title={`Acknowledged ${formatAbsolute(ack.at)}`}
      data-testid="acknowledged"
    >
      <Hand className="size-3 shrink-0" aria-hidden />
      <span className="break-words">{acknowledgedText(ack)}</span>
    </span>
  );
}
