import { findShareLink, type ShareLink } from '@/lib/auth/share-links';
import type { Store } from '@/lib/db/open';
import { LRUCache } from 'lru-cache';
import 'server-only';

// Every request of a share-link session needs its link (scope, redaction, wall settings, and
// whether it was revoked or expired). Reading it from the database on every poll was a third of a
// link request's cost, so links are remembered for `refreshMs`:
// - on the replica that revokes or edits a link, `forget(id)` drops the copy, so the very next
//   request there reads the database again;
// - another replica sharing the database keeps its copy at most `refreshMs` (1 s) before reading
//   again, plus the read itself: a revocation anywhere applies everywhere within 2 s.
// Expiry needs no refresh: `isUsable` compares the link's expiry with the clock on every request.
// A link that does not exist is remembered too (as null), so unknown ids cost no more than known.

export interface ShareLinkCacheOptions {
  /** How long a copy is trusted before the database is read again. Default 1 000 ms. */
  refreshMs?: number;
  /** Links remembered at once. Default 10 000. */
  max?: number;
  /** The clock copies age by (tests move it). Default performance.now. */
  now?: () => number;
}

interface Entry {
  link: ShareLink | null;
}

export class ShareLinkCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly loading = new Map<string, Promise<ShareLink | null>>();
  /** Bumped by forget(): a read that started before it must not store what it read. */
  private readonly epochs = new Map<string, number>();

  constructor(
    private readonly store: Store,
    options: ShareLinkCacheOptions = {},
  ) {
    const now = options.now ?? (() => performance.now());
    this.entries = new LRUCache({
      max: options.max ?? 10_000,
      ttl: options.refreshMs ?? 1_000,
      perf: { now },
      // Age is read from the clock on every get, so a moved clock (or a busy second) counts at once.
      ttlResolution: 0,
    });
  }

  /** The link as the database had it at most `refreshMs` ago (or right after a local change). */
  async get(id: string): Promise<ShareLink | null> {
    const entry = this.entries.get(id);
    if (entry) return entry.link;
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** The remembered copy without waiting; undefined when the database must be read. */
  peek(id: string): ShareLink | null | undefined {
    return this.entries.get(id)?.link;
  }

  /** Call after changing a link in the database (revoke, wall settings): the next get() reads it. */
  forget(id: string): void {
    this.entries.delete(id);
    this.loading.delete(id);
    this.epochs.set(id, (this.epochs.get(id) ?? 0) + 1);
  }

  private async load(id: string): Promise<ShareLink | null> {
    const epoch = this.epochs.get(id) ?? 0;
    const link = await findShareLink(this.store, id);
    if ((this.epochs.get(id) ?? 0) === epoch) this.entries.set(id, { link });
    return link;
  }
}
