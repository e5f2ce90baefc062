import { WallSince } from '@/components/wall/wall-since';
import { STRIPE_TONE, TONE_LABEL } from '@/components/wall/wall-tones';
import type { WallProblem } from '@/lib/domain/wall';
import { problemTitle, problemTone } from '@/lib/wall/problems';
import clsx from 'clsx';

const CHIP = {
  emergency: 'bg-emergency text-white',
  offline: 'bg-offline text-white',
  critical: 'bg-critical text-white',
} as const;

/** One device that needs someone: what kind of problem, which device at which client, what, since when. */
export function WallProblemRow({ problem, isNew }: { problem: WallProblem; isNew: boolean }) {
  const tone = problemTone(problem);
  return (
    <li
      className={clsx(
        'relative grid min-h-0 grid-cols-[11rem_minmax(0,1.1fr)_minmax(0,1fr)_10rem] items-center gap-[1.5rem] overflow-hidden rounded-[1rem] border border-line bg-raised py-[0.6rem] pr-[1.5rem] pl-[1.75rem]',
        isNew && 'wall-attention',
      )}
      data-testid="wall-problem"
      data-device-id={problem.deviceId}
      data-tone={tone}
      data-new={isNew}
    >
      <span aria-hidden className={clsx('absolute inset-y-0 left-0 w-[0.5rem]', STRIPE_TONE[tone])} />
      <span className="flex flex-col items-start gap-[0.3rem]">
        <span
          className={clsx(
            'rounded-[0.5rem] px-[0.75rem] py-[0.15rem] text-[1.375rem] font-bold uppercase',
            CHIP[tone],
          )}
        >
          {TONE_LABEL[tone]}
        </span>
        {isNew ? <span className="text-[1.25rem] font-bold text-critical">NEW</span> : null}
      </span>
      <span className="min-w-0">
        <span className="block truncate text-[2.125rem] leading-tight font-semibold">
          {problem.deviceName}
        </span>
        <span className="block truncate text-[1.5rem] text-muted">
          {problem.groupPath.length ? problem.groupPath.join(' / ') : 'Ungrouped'}
        </span>
      </span>
      <span className="line-clamp-2 text-[1.75rem] leading-tight">{problemTitle(problem)}</span>
      <WallSince at={problem.latestAt} />
    </li>
  );
}
