'use client';

import { useLiveUpdates } from '@/lib/query/live';

/** The tab's live stream (lib/query/live.ts), for server-rendered layouts that cannot call hooks. */
export function LiveUpdates() {
  useLiveUpdates();
  return null;
}
