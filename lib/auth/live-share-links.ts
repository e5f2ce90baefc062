import { ShareLinkCache } from '@/lib/auth/share-link-cache';
import type { ShareLink } from '@/lib/auth/share-links';
import { getStore } from '@/lib/db/instance';
import { processWide } from '@/lib/process-wide';
import 'server-only';

// The process's one ShareLinkCache. Process-wide: Next bundles route files and the fast path
// apart, and a revocation made through one must reach the copy the other reads.

declare module '@/lib/process-wide' {
  interface ProcessWide {
    shareLinks: { cache?: Promise<ShareLinkCache>; ready?: ShareLinkCache };
  }
}

const shared = processWide('shareLinks', () => ({}));

function cache(): Promise<ShareLinkCache> {
  shared.cache ??= getStore().then((store) => {
    const created = new ShareLinkCache(store);
    shared.ready = created;
    return created;
  });
  return shared.cache;
}

/** currentShareLink without waiting, when memory has it; undefined when it must be read. */
export function currentShareLinkNow(id: string): ShareLink | null | undefined {
  return shared.ready?.peek(id);
}

/** The link a session names, as of at most a second ago (at once after a change made here). */
export async function currentShareLink(id: string): Promise<ShareLink | null> {
  return (await cache()).get(id);
}

/** After revoking or editing a link: this process reads it from the database on the next request. */
export async function forgetShareLink(id: string): Promise<void> {
  (await cache()).forget(id);
}
