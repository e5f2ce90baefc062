import { ShareLinkCache } from '@/lib/auth/share-link-cache';
import type { ShareLink } from '@/lib/auth/share-links';
import { getStore } from '@/lib/db/instance';
import 'server-only';

// The process's one ShareLinkCache. On globalThis: Next bundles route files and the fast path
// apart, and a revocation made through one must reach the copy the other reads.

const slot = globalThis as typeof globalThis & {
  __levelboardShareLinks?: Promise<ShareLinkCache>;
  __levelboardShareLinksReady?: ShareLinkCache;
};

function cache(): Promise<ShareLinkCache> {
  slot.__levelboardShareLinks ??= getStore().then((store) => {
    const created = new ShareLinkCache(store);
    slot.__levelboardShareLinksReady = created;
    return created;
  });
  return slot.__levelboardShareLinks;
}

/** currentShareLink without waiting, when memory has it; undefined when it must be read. */
export function currentShareLinkNow(id: string): ShareLink | null | undefined {
  return slot.__levelboardShareLinksReady?.peek(id);
}

/** The link a session names, as of at most a second ago (at once after a change made here). */
export async function currentShareLink(id: string): Promise<ShareLink | null> {
  return (await cache()).get(id);
}

/** After revoking or editing a link: this process reads it from the database on the next request. */
export async function forgetShareLink(id: string): Promise<void> {
  (await cache()).forget(id);
}
