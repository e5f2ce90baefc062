'use client';

import { useSyncExternalStore } from 'react';

// One shared one-second clock for the wall (clock, data ages, "since" times, the rotation timer),
// instead of a timer per component.

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const notify of listeners) notify();
  }, 1_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
}

export const subscribeToClock = subscribe;
export const currentTime = () => now;

/** The shared clock rounded down to `stepMs`: re-renders only when the rounded value moves. */
export function useNowEvery(stepMs: number): number {
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(now / stepMs) * stepMs,
    () => Math.floor(now / stepMs) * stepMs,
  );
}
