'use client';

import type { HeartbeatInput } from '@/lib/domain/heartbeat';
import type { HeartbeatAnswer } from '@/lib/domain/wall';
import { sendHeartbeat } from '@/lib/query/wall';
import { useEffect, useEffectEvent } from 'react';

/**
 * Tells the server this screen is alive every `periodMs` (first right away), with what it shows;
 * the answer carries the server's build. A failed beat is simply tried again next period.
 */
export function useHeartbeat(
  periodMs: number,
  report: () => HeartbeatInput,
  onAnswer: (answer: HeartbeatAnswer) => void,
): void {
  const beat = useEffectEvent(async () => {
    try {
      onAnswer(await sendHeartbeat(report()));
    } catch {
      // The wall's polls already show the connection state; the next beat retries.
    }
  });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loop = async () => {
      await beat();
      if (!stopped) timer = setTimeout(loop, periodMs);
    };
    void loop();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [periodMs]);
}
