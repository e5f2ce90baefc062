'use client';

import { toAnnounce } from '@/lib/wall/sound-memory';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';

const ARMED_KEY = 'levelboard-wall-sound';
const ANNOUNCED_KEY = 'levelboard-wall-announced';

export type SoundState = 'off' | 'click-to-arm' | 'armed' | 'blocked';

const announcedSchema = z.record(z.string(), z.number());

function storedAnnounced(): Record<string, number> {
  try {
    const parsed = announcedSchema.safeParse(JSON.parse(localStorage.getItem(ANNOUNCED_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Two short tones, generated (no audio file to fetch or cache). */
function chime(context: AudioContext): void {
  const start = context.currentTime;
  [880, 660].forEach((frequency, n) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + n * 0.3);
    gain.gain.exponentialRampToValueAtTime(0.4, start + n * 0.3 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + n * 0.3 + 0.28);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + n * 0.3);
    oscillator.stop(start + n * 0.3 + 0.3);
  });
}

/**
 * Optional sound on a new critical problem. Browsers play audio only after a user gesture, so a
 * click on the wall arms it; the choice is remembered on this screen (localStorage) and, where the
 * browser lets a page resume audio by itself (kiosk flag), survives reloads. A problem this
 * screen already announced never plays again.
 */
export function useWallSound(allowed: boolean): {
  state: SoundState;
  chimes: number;
  arm: () => void;
  announce: (keys: readonly string[]) => void;
} {
  const context = useRef<AudioContext | null>(null);
  const [remembered, setRemembered] = useState(() => {
    try {
      return localStorage.getItem(ARMED_KEY) === '1';
    } catch {
      return false;
    }
  });
  const [running, setRunning] = useState(false);
  const [chimes, setChimes] = useState(0);

  const ensureContext = useCallback(() => {
    context.current ??= new AudioContext();
    const audio = context.current;
    audio.onstatechange = () => setRunning(audio.state === 'running');
    void audio.resume().then(() => setRunning(audio.state === 'running'));
    return audio;
  }, []);

  useEffect(() => {
    if (!allowed || !remembered) return;
    ensureContext();
    return () => {
      void context.current?.close();
      context.current = null;
    };
  }, [allowed, remembered, ensureContext]);

  const arm = useCallback(() => {
    if (!allowed) return;
    ensureContext();
    try {
      localStorage.setItem(ARMED_KEY, '1');
    } catch {
      // Not remembered, but armed for this page.
    }
    setRemembered(true);
  }, [allowed, ensureContext]);

  const announce = useCallback(
    (keys: readonly string[]) => {
      const audio = context.current;
      if (!allowed || !remembered || !audio || audio.state !== 'running' || keys.length === 0) return;
      const { play, announced } = toAnnounce(keys, storedAnnounced(), Date.now());
      try {
        localStorage.setItem(ANNOUNCED_KEY, JSON.stringify(announced));
      } catch {
        // Worst case a reload may announce it once more.
      }
      if (!play) return;
      chime(audio);
      setChimes((n) => n + 1);
    },
    [allowed, remembered],
  );

  const state: SoundState = !allowed ? 'off' : !remembered ? 'click-to-arm' : running ? 'armed' : 'blocked';
  return { state, chimes, arm, announce };
}
