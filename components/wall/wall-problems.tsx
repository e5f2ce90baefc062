import { WallAge } from '@/components/wall/wall-age';
import { WallProblemRow } from '@/components/wall/wall-problem-row';
import type { WallProblemsResponse } from '@/lib/domain/wall';
import { formatCount } from '@/lib/format';
import { useNow } from '@/lib/wall/hooks/use-now';
import { pageAt, pageCount, pageRows, PROBLEM_ROWS } from '@/lib/wall/paging';
import { CheckCircle2 } from 'lucide-react';

/** With fewer problems, rows are taller (never more than a quarter of the list). */
const MIN_ROWS = 4;

const plural = (count: number, word: string) => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

/**
 * Offline servers and critical or emergency alerts, most severe first (lib/domain/problem-order.ts),
 * a page at a time: one page per rotation interval, page 1 (the worst) first on every visit.
 */
export function WallProblems({
  data,
  isNew,
  old,
  shownAt,
  intervalMs,
}: {
  data: WallProblemsResponse;
  isNew: (deviceId: string) => boolean;
  old: boolean;
  shownAt: number;
  intervalMs: number;
}) {
  const now = useNow();
  const listed = data.problems.length;
  const pages = pageCount(listed);
  const page = pageAt(now - shownAt, intervalMs, pages);
  const shown = pageRows(data.problems, page);
  // The server keeps the worst when it truncates: what is not listed is the least severe.
  const unlisted = data.total - listed;
  const count =
    unlisted > 0
      ? `${formatCount(listed)} worst of ${plural(data.total, 'problem')}`
      : plural(data.total, 'problem');
  return (
    <section className="flex h-full flex-col gap-[1rem]" aria-label="Problems" data-testid="wall-problems">
      <div className="flex items-baseline justify-between text-[1.5rem] text-muted">
        <span data-testid="wall-problem-count" data-count={data.total}>
          {data.total === 0 ? 'Nothing critical' : `${count} · most severe first`}
        </span>
        {pages > 1 ? (
          <span
            className="font-semibold text-ink tabular-nums"
            data-testid="wall-problem-page"
            data-page={page + 1}
            data-pages={pages}
          >
            page {page + 1} of {pages}
          </span>
        ) : null}
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
          style={{
            gridTemplateRows: `repeat(${pages > 1 ? PROBLEM_ROWS : Math.max(shown.length, MIN_ROWS)}, minmax(0, 1fr))`,
          }}
          start={page * PROBLEM_ROWS + 1}
        >
          {shown.map((problem) => (
            <WallProblemRow key={problem.deviceId} problem={problem} isNew={isNew(problem.deviceId)} />
          ))}
        </ol>
      )}
      {unlisted > 0 && page === pages - 1 ? (
        <p className="text-center text-[1.75rem] font-medium text-muted" data-testid="wall-problems-more">
          + {formatCount(unlisted)} less severe, not listed
        </p>
      ) : null}
    </section>
  );
}
