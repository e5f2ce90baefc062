'use client';

import { BUILD_ID } from '@/lib/build-id';
import type { WallConfig } from '@/lib/wall/config';
import { reloadReason, type ReloadReason } from '@/lib/wall/self-care';
import { useEffect, useEffectEvent, useRef, useState } from 'react';

const CHECK_EVERY_MS = 15_000;

function heapUsed(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}

/** Reloading with the server down would leave the browser's error page on the wall for good. */
async function serverReachable(): Promise<boolean> {
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    return response.status < 500 || response.status === 503;
  } catch {
    return false;
  }
}

/**
 * Reloads the page when a new build is deployed (`serverBuild`, fed from heartbeat answers), the
 * JS heap passes its limit, or the page has run for its maximum uptime — always after saving
 * where it was (`beforeReload`) and only while the server answers.
 */
export function useSelfCare(
  config: Pick<WallConfig, 'maxUptimeMs' | 'heapLimitBytes'>,
  lastReloadAt: number | null,
  beforeReload: (reason: ReloadReason, at: number) => void,
): { reloading: ReloadReason | null; serverBuild: (build: string) => void } {
  const [reloading, setReloading] = useState<ReloadReason | null>(null);
  const known = useRef<string | null>(null);
  const check = async () => {
    if (reloading) return;
    const now = Date.now();
    const reason = reloadReason({
      now,
      startedAt: performance.timeOrigin,
      maxUptimeMs: config.maxUptimeMs,
      heapUsedBytes: heapUsed(),
      heapLimitBytes: config.heapLimitBytes,
      clientBuild: BUILD_ID,
      serverBuild: known.current,
      lastReloadAt,
    });
    if (!reason || !(await serverReachable())) return;
    setReloading(reason);
    beforeReload(reason, now);
    window.location.reload();
  };
  const periodic = useEffectEvent(() => void check());
  useEffect(() => {
    const id = setInterval(() => periodic(), CHECK_EVERY_MS);
    return () => clearInterval(id);
  }, []);
  const serverBuild = (build: string) => {
    const changed = known.current !== build;
    known.current = build;
    if (changed) void check();
  };
  return { reloading, serverBuild };
}
