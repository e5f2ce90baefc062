import clsx from 'clsx';
import { Flag } from 'lucide-react';
import Link from 'next/link';

/**
 * Level's flag on a device ("Do not reboot"), or a dash when there is none. `linked`: a link to
 * the devices carrying the same flag, for the device page.
 */
export function DeviceFlag({ flag, linked = false }: { flag: string | null; linked?: boolean }) {
  if (flag === null) {
    return (
      <span className="text-muted">
        <span aria-hidden>—</span>
        <span className="sr-only">no flag</span>
      </span>
    );
  }
  const className = clsx(
    'inline-flex max-w-full min-w-0 items-center gap-1 rounded-full bg-warning/15 px-2 py-0.5 text-xs font-medium text-ink',
    linked && 'hover:underline focus-visible:outline-2 focus-visible:outline-accent',
  );
  const content = (
    <>
      <Flag className="size-3 shrink-0 text-warning" aria-hidden />
      <span className="truncate">{flag}</span>
    </>
  );
  return linked ? (
    <Link
      href={`/devices?flag=${encodeURIComponent(flag)}`}
      className={className}
      title={`Level flag: ${flag}`}
      data-testid="device-flag"
    >
      <span className="sr-only">Level flag: </span>
      {content}
    </Link>
  ) : (
    <span className={className} title={`Level flag: ${flag}`} data-testid="device-flag">
      {content}
    </span>
  );
}
