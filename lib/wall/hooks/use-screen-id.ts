'use client';

import { SCREEN_ID_PATTERN } from '@/lib/domain/heartbeat';
import { useState } from 'react';

const KEY = 'levelboard-wall-screen';

/** A stable id for this screen (this browser profile), so the admin page lists it once. */
export function useScreenId(): string {
  const [id] = useState(() => {
    try {
      const saved = localStorage.getItem(KEY);
      if (saved && SCREEN_ID_PATTERN.test(saved)) return saved;
      const fresh = crypto.randomUUID();
      localStorage.setItem(KEY, fresh);
      return fresh;
    } catch {
      return crypto.randomUUID();
    }
  });
  return id;
}
