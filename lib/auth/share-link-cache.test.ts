import { ShareLinkCache } from '@/lib/auth/share-link-cache';
import { createShareLink, isUsable, revokeShareLink, updateWallSettings } from '@/lib/auth/share-links';
import { openStore } from '@/lib/db/open';
import { storedWallSettings } from '@/lib/domain/wall-settings';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

// Two caches on one database are two replicas. The one that revokes forgets its copy and sees the
// revocation on the very next read; the other trusts its copy for at most refreshMs (1 s), so a
// revocation applies everywhere within 2 s.
describe.each(ENGINES)('share link cache on %s', (engine) => {
  async function replicas() {
    const store = await openTestStore(engine);
    const other = openStore({ databaseUrl: store.databaseUrl, dataDir: store.dataDir });
    let now = 1_000;
    const clock = () => now;
    const here = new ShareLinkCache(store, { now: clock });
    const there = new ShareLinkCache(other, { now: clock });
    const { link } = await createShareLink(store, {
      name: 'Field tech',
      kind: 'wall',
      scope: { kind: 'fleet' },
      redact: false,
      expiresAt: null,
    });
    return {
      store,
      here,
      there,
      link,
      advance: (ms: number) => (now += ms),
      close: async () => {
        await other.close();
        await store.close();
      },
    };
  }

  it('a revocation applies on the next read here and within refreshMs on another replica', async () => {
    const { store, here, there, link, advance, close } = await replicas();
    try {
      expect(isUsable((await here.get(link.id))!)).toBe(true);
      expect(isUsable((await there.get(link.id))!)).toBe(true);
      await revokeShareLink(store, link.id);
      here.forget(link.id);
      expect(isUsable((await here.get(link.id))!)).toBe(false);
      // The other replica has not been told; its copy is at most refreshMs old.
      advance(999);
      expect(isUsable((await there.get(link.id))!)).toBe(true);
      advance(2);
      expect(isUsable((await there.get(link.id))!)).toBe(false);
    } finally {
      await close();
    }
  });

  it('answers from memory once read, and reads again after refreshMs', async () => {
    const { here, link, advance, close } = await replicas();
    try {
      expect(here.peek(link.id)).toBeUndefined();
      const first = await here.get(link.id);
      expect(here.peek(link.id)).toBe(first);
      advance(1_001);
      expect(here.peek(link.id)).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('remembers that a link does not exist, so unknown ids cost what known ones do', async () => {
    const { here, close } = await replicas();
    try {
      expect(await here.get('no-such-link')).toBeNull();
      expect(here.peek('no-such-link')).toBeNull();
    } finally {
      await close();
    }
  });

  it('a read that began before a local change does not put the old copy back', async () => {
    const { store, here, link, close } = await replicas();
    try {
      const inFlight = here.get(link.id);
      const wall = storedWallSettings({ intervalSeconds: 30 });
      expect(await updateWallSettings(store, link.id, wall)).toBe(true);
      here.forget(link.id);
      await inFlight;
      expect(here.peek(link.id)).toBeUndefined();
      expect((await here.get(link.id))?.wall).toEqual(wall);
    } finally {
      await close();
    }
  });
});
