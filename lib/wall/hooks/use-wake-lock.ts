'use client';

import { useEffect, useState } from 'react';

export type WakeLockState = 'held' | 'released' | 'unsupported' | 'denied';

/**
 * Keeps the screen on where the browser allows (Screen Wake Lock API, secure contexts only). The
 * browser drops the lock whenever the page is hidden, so it is asked for again on return.
 */
export function useWakeLock(): WakeLockState {
  const [state, setState] = useState<WakeLockState>(() =>
    typeof navigator !== 'undefined' && 'wakeLock' in navigator ? 'released' : 'unsupported',
  );
  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const request = async () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        sentinel = await navigator.wakeLock.request('screen');
        if (cancelled) return void sentinel.release();
        setState('held');
        sentinel.addEventListener('release', () => setState('released'), { once: true });
      } catch {
        setState('denied');
      }
    };
    void request();
    document.addEventListener('visibilitychange', request);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', request);
      void sentinel?.release();
    };
  }, []);
  return state;
}
