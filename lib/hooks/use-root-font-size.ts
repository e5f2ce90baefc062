'use client';

import { useSyncExternalStore } from 'react';

// Pixels per rem right now. SVG charts take some sizes in pixels only (axis widths, strokes); on
// the wall, whose rem follows the screen size, those must follow it too.

function subscribe(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
}

const read = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

export function useRootFontSize(): number {
  return useSyncExternalStore(subscribe, read, () => 16);
}
