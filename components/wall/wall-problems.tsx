import { WallAge } from '@/components/wall/wall-age';
import { WallProblemRow } from '@/components/wall/wall-problem-row';
import type { WallProblemsResponse } from '@/lib/domain/wall';
import { formatCount } from '@/lib/format';
import { CheckCircle2 } from 'lucide-react';

/** Rows that fit at every supported resolution (the wall scales as a whole). */
export const PROBLEM_ROWS = 8;
/** With fewer problems, rows are taller (never more than a quarter of the list). */
const MIN_ROWS = 4;

/** Offline servers and critical or emergency alerts, most severe first (lib/domain/problem-order.ts). */
export function WallProblems({
  data,
  isNew,
  old,
}: {
  data: WallProblemsResponse;
  isNew: (deviceId: string) => boolean;
  old: boolean;
}) {
  const shown = data.problems.slice(0, PROBLEM_ROWS);
  const more = data.total - shown.length;
  return (
    <section className="flex h-full flex-col gap-[1rem]" aria-label="Problems" data-testid="wall-problems">
      <div className="flex items-baseline justify-between text-[1.5rem] text-muted">
        <span data-testid="wall-problem-count" data-count={data.total}>
          {data.total === 0
            ? 'Nothing critical'
            : `${formatCount(data.total)} device${data.total === 1 ? '' : 's'} need${data.total === 1 ? 's' : ''} attention · most severe first`}
        </span>
        <WallAge syncedAt={data.syncedAt} old={old} testId="wall-age-problems" />
      </div>
      {data.total === 0 ? (
        <div
          className="m-auto flex flex-col items-center gap-[1.5rem] text-center"
          data-testid="wall-all-clear"
        >
          <CheckCircle2 aria-hidden className="size-[9rem] text-online" />
          <p className="text-[4rem] font-bold">All clear</p>
          <p className="text-[2rem] text-muted">No server offline, no critical or emergency alert.</p>
        </div>
      ) : (
        <ol
          className="grid min-h-0 flex-1 gap-[0.75rem]"
          style={{ gridTemplateRows: `repeat(${Math.max(shown.length, MIN_ROWS)}, minmax(0, 1fr))` }}
        >
          {shown.map((problem) => (
            <WallProblemRow key={problem.deviceId} problem={problem} isNew={isNew(problem.deviceId)} />
          ))}
        </ol>
      )}
      {more > 0 ? (
        <p className="text-center text-[1.75rem] font-medium text-muted" data-testid="wall-problems-more">
          + {formatCount(more)} more, older
        </p>
      ) : null}
    </section>
  );
}
