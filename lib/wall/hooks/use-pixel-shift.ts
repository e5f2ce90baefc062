'use client';

import { pixelShift } from '@/lib/wall/self-care';
import { useEffect, useState } from 'react';

/** Burn-in protection: the whole wall moves one step around its centre every `periodMs`. */
export function usePixelShift(periodMs: number): { x: number; y: number } {
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (periodMs <= 0) return;
    const id = setInterval(() => setStep((n) => (n + 1) % 9), periodMs);
    return () => clearInterval(id);
  }, [periodMs]);
  return periodMs > 0 ? pixelShift(step) : { x: 0, y: 0 };
}
