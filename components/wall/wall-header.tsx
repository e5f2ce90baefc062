import { WallClock } from '@/components/wall/wall-clock';
import { WALL_VIEW_LABEL, type WallView } from '@/lib/domain/wall-settings';
import clsx from 'clsx';

/** Who this wall is for, what it shows now (and where the rotation is), and the time. */
export function WallHeader({
  title,
  scope,
  views,
  current,
  holding,
}: {
  title: string;
  scope: string;
  views: readonly WallView[];
  current: WallView;
  holding: boolean;
}) {
  return (
    <header className="grid grid-cols-[1fr_auto_1fr] items-center gap-[2rem]">
      <div className="min-w-0">
        <p className="truncate text-[2rem] leading-tight font-semibold" data-testid="wall-title">
          {title}
        </p>
        <p className="truncate text-[1.375rem] text-muted">{scope}</p>
      </div>
      <div className="flex flex-col items-center gap-[0.5rem]">
        <h1 className="text-[2.5rem] leading-none font-bold tracking-tight" data-testid="wall-view-title">
          {holding ? 'New problem' : WALL_VIEW_LABEL[current]}
        </h1>
        <ol className="flex gap-[0.6rem]" aria-label="Rotation">
          {views.map((view) => (
            <li
              key={view}
              aria-current={!holding && view === current ? 'step' : undefined}
              className={clsx(
                'h-[0.5rem] w-[2.5rem] rounded-full',
                holding ? 'bg-critical/50' : view === current ? 'bg-accent' : 'bg-line',
              )}
            >
              <span className="sr-only">{WALL_VIEW_LABEL[view]}</span>
            </li>
          ))}
        </ol>
      </div>
      <WallClock />
    </header>
  );
}
