'use client';

import type { WallConfig } from '@/lib/wall/config';
import { createWallEngine, type WallState } from '@/lib/wall/engine';
import { subscribeToClock } from '@/lib/wall/hooks/use-now';
import { readResume, writeResume, type Resume } from '@/lib/wall/resume';
import type { ReloadReason } from '@/lib/wall/self-care';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

/**
 * The rotation/hold engine for this page, resumed from before a self-reload, ticking on the shared
 * clock, and saved to sessionStorage whenever it changes.
 */
export function useWallEngine(
  config: Pick<WallConfig, 'intervalMs' | 'holdMaxMs' | 'holdCooldownMs'>,
  viewCount: number,
  /** Intervals each view stays (the problems view: one per page). */
  turns: readonly number[] = [],
) {
  const turnsKey = turns.join(',');
  const [resume] = useState<Resume | null>(() => readResume(sessionStorage));
  const [engine] = useState(() =>
    createWallEngine(
      {
        viewCount,
        intervalMs: config.intervalMs,
        holdMaxMs: config.holdMaxMs,
        holdCooldownMs: config.holdCooldownMs,
      },
      resume,
      Date.now(),
    ),
  );
  useEffect(() => {
    engine.configure(
      {
        viewCount,
        intervalMs: config.intervalMs,
        holdMaxMs: config.holdMaxMs,
        turns: turnsKey ? turnsKey.split(',').map(Number) : [],
        holdCooldownMs: config.holdCooldownMs,
      },
      Date.now(),
    );
  }, [engine, viewCount, config.intervalMs, config.holdMaxMs, config.holdCooldownMs, turnsKey]);
  useEffect(() => subscribeToClock(() => engine.tick(Date.now())), [engine]);
  const state: WallState = useSyncExternalStore(engine.subscribe, engine.get, engine.get);

  const save = useCallback(
    (reload?: { reason: ReloadReason; at: number }) => {
      const { rotation, tracker } = engine.get();
      writeResume(sessionStorage, {
        index: rotation.index,
        hold: rotation.hold,
        tracker,
        lastReloadAt: reload?.at ?? resume?.lastReloadAt ?? null,
        lastReload: reload?.reason ?? resume?.lastReload ?? null,
      });
    },
    [engine, resume],
  );
  useEffect(() => save(), [state, save]);

  return { engine, state, resume, save };
}
