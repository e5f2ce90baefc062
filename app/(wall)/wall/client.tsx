'use client';

import { WallBanner } from '@/components/wall/wall-banner';
import { WallFooter } from '@/components/wall/wall-footer';
import { WallHeader } from '@/components/wall/wall-header';
import { WallView } from '@/components/wall/wall-view';
import { BUILD_ID } from '@/lib/build-id';
import type { WallIdentity } from '@/lib/domain/wall';
import type { WallView as View } from '@/lib/domain/wall-settings';
import { useLiveUpdates } from '@/lib/query/live';
import type { WallConfig } from '@/lib/wall/config';
import { useAcknowledgeKey } from '@/lib/wall/hooks/use-acknowledge-key';
import { useHeartbeat } from '@/lib/wall/hooks/use-heartbeat';
import { usePixelShift } from '@/lib/wall/hooks/use-pixel-shift';
import { useScreenId } from '@/lib/wall/hooks/use-screen-id';
import { useSelfCare } from '@/lib/wall/hooks/use-self-care';
import { useWakeLock } from '@/lib/wall/hooks/use-wake-lock';
import { useWallData } from '@/lib/wall/hooks/use-wall-data';
import { useWallEngine } from '@/lib/wall/hooks/use-wall-engine';
import { useWallSound } from '@/lib/wall/hooks/use-wall-sound';
import { pageCount } from '@/lib/wall/paging';
import { useEffect, useState } from 'react';

/** Pixel shift step, in rem: 6 px at 1080p, 12 px at 4K. */
const SHIFT_REM = 0.375;

function availableViews(views: readonly View[], scopeKind: WallIdentity['scopeKind']): View[] {
  // A list of devices has no clients to tile and no recorded series of its own.
  const usable =
    scopeKind === 'devices' ? views.filter((view) => view === 'fleet' || view === 'problems') : [...views];
  return usable.length ? usable : ['fleet', 'problems'];
}

export function WallApp({
  identity,
  config,
  ignored,
}: {
  identity: WallIdentity;
  config: WallConfig;
  ignored: string[];
}) {
  const views = availableViews(config.views, identity.scopeKind);
  const scoped = { clients: identity.scopeKind !== 'devices', history: identity.scopeKind !== 'devices' };
  const data = useWallData(config, scoped);
  // Pushed versions refetch the wall's queries at once; its polling stays as the fallback.
  useLiveUpdates();
  // The problems view stays one interval per page, so every problem is shown each visit.
  const problemPages = pageCount(data.problems.data?.problems.length ?? 0);
  const turns = views.map((view) => (view === 'problems' ? problemPages : 1));
  const { engine, state, resume, save } = useWallEngine(config, views.length, turns);
  const sound = useWallSound(config.sound);
  const wakeLock = useWakeLock();
  const shift = usePixelShift(config.shiftMs);
  const screenId = useScreenId();
  const [version, setVersion] = useState<string | null>(null);

  const selfCare = useSelfCare(config, resume?.lastReloadAt ?? null, (reason, at) => save({ reason, at }));

  const problems = data.problems.data;
  const { announce } = sound;
  useEffect(() => {
    if (!problems) return;
    announce(engine.problems(problems.problems, Date.now()));
  }, [problems, engine, announce]);

  const current = views[state.rotation.index % views.length] ?? 'fleet';
  const holding = state.rotation.hold !== null;
  const acknowledging = useAcknowledgeKey(identity.admin, state.rotation.hold?.keys ?? null);
  useHeartbeat(
    config.heartbeatMs,
    () => ({
      screenId,
      name: config.name,
      view: holding ? 'hold' : current,
      build: BUILD_ID,
      viewport: `${window.innerWidth}x${window.innerHeight}`,
      uptimeSeconds: Math.round((Date.now() - performance.timeOrigin) / 1_000),
      heartbeatSeconds: Math.round(config.heartbeatMs / 1_000),
      wakeLock,
      lastReload: resume?.lastReload ?? null,
    }),
    (answer) => {
      setVersion(answer.version);
      selfCare.serverBuild(answer.build);
    },
  );

  return (
    <div
      data-wall-root
      data-view={holding ? 'hold' : current}
      data-rotation-index={state.rotation.index}
      className="fixed inset-0 overflow-hidden bg-surface text-ink"
      onClick={sound.arm}
    >
      <div
        className="absolute inset-[0.75rem] flex flex-col gap-[1rem] transition-transform duration-1000"
        style={{ transform: `translate(${shift.x * SHIFT_REM}rem, ${shift.y * SHIFT_REM}rem)` }}
        data-testid="wall-frame"
        data-shift={`${shift.x},${shift.y}`}
      >
        <WallHeader
          title={config.name ? `${identity.title} · ${config.name}` : identity.title}
          scope={identity.scope}
          views={views}
          current={current}
          holding={holding}
        />
        <WallBanner
          summary={data.summary.data}
          connection={data.connection}
          pollMs={config.pollMs}
          admin={identity.admin}
          reloading={selfCare.reloading}
        />
        <main className="min-h-0 flex-1">
          <WallView
            view={current}
            hold={state.rotation.hold}
            shownAt={state.rotation.shownAt}
            tracker={state.tracker}
            config={config}
            data={data}
            acknowledgeKey={identity.admin ? acknowledging : null}
          />
        </main>
        <WallFooter
          summary={data.summary.data}
          connection={data.connection}
          sound={sound.state}
          chimes={sound.chimes}
          wakeLock={wakeLock}
          version={version}
          ignored={ignored}
        />
      </div>
    </div>
  );
}
