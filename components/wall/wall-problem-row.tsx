import { acknowledgedText } from '@/components/status/acknowledged-label';
import { WallSince } from '@/components/wall/wall-since';
import { STRIPE_TONE, TONE_LABEL } from '@/components/wall/wall-tones';
import type { WallProblem } from '@/lib/domain/wall';
import { problemTitle, problemTone } from '@/lib/wall/problems';
import clsx from 'clsx';

// Fixed columns (sized from the row's own type scale) so every row lines up with the next.
const COLUMNS = {
  gridTemplateColumns:
    'calc(clamp(1.25rem, 22cqh, 2rem) * 6.8 + 1.5rem) minmax(0, 1.1fr) minmax(0, 1fr) calc(clamp(1.125rem, 18cqh, 2rem) * 10)',
};

const CHIP = {
  emergency: 'bg-emergency text-surface',
  offline: 'bg-offline text-surface',
  critical: 'bg-critical text-surface',
} as const;

/**
 * One device that needs someone: what kind of problem, which device at which client, what, since
 * when. The row is a size container: with few problems the rows are tall and the text grows.
 */
export function WallProblemRow({ problem, isNew }: { problem: WallProblem; isNew: boolean }) {
  const tone = problemTone(problem);
  return (
    <li
      className={clsx(
        '[container-type:size] relative min-h-0 overflow-hidden rounded-[1rem] border border-line bg-raised',
        isNew && 'wall-attention',
      )}
      data-testid="wall-problem"
      data-device-id={problem.deviceId}
      data-kind={problem.kind ?? 'device'}
      data-tone={tone}
      data-new={isNew}
      data-acknowledged={problem.acknowledged ? 'true' : 'false'}
    >
      <span aria-hidden className={clsx('absolute inset-y-0 left-0 w-[0.5rem]', STRIPE_TONE[tone])} />
      <div className="grid h-full items-center gap-[1.5rem] pr-[1.5rem] pl-[1.75rem]" style={COLUMNS}>
        <span className="flex flex-col items-start gap-[0.3rem]">
          <span
            className={clsx(
              'rounded-[0.5rem] px-[0.75rem] py-[0.15rem] text-[clamp(1.25rem,22cqh,2rem)] font-bold uppercase',
              CHIP[tone],
            )}
          >
            {TONE_LABEL[tone]}
          </span>
          {isNew ? (
            <span className="text-[clamp(1.125rem,18cqh,1.75rem)] font-bold text-critical">NEW</span>
          ) : null}
        </span>
        {/* An inline-size container: a long group path shrinks with the column (cqw) before it is cut. */}
        <span className="[container-type:inline-size] min-w-0">
          <span
            className="block truncate text-[clamp(2rem,min(32cqh,6cqw),3.75rem)] leading-tight font-semibold"
            data-wall-text="name"
          >
            {problem.deviceName}
          </span>
          <span
            className="block truncate text-[clamp(1.375rem,min(20cqh,3.4cqw),2.25rem)] text-muted"
            data-wall-text="detail"
          >
            {problem.groupPath.length ? problem.groupPath.join(' / ') : 'Ungrouped'}
          </span>
        </span>
        <span className="min-w-0">
          <span
            className="line-clamp-2 text-[clamp(1.625rem,24cqh,2.75rem)] leading-tight"
            data-wall-text="detail"
          >
            {problemTitle(problem)}
          </span>
          {problem.acknowledged ? (
            <span
              className="block truncate text-[clamp(1.25rem,18cqh,2rem)] text-muted"
              data-testid="wall-acknowledged"
              data-wall-text="detail"
            >
              {acknowledgedText(problem.acknowledged)}
            </span>
          ) : null}
        </span>
        <WallSince at={problem.since ?? problem.latestAt} size="fill" />
      </div>
    </li>
  );
}
