import { SessionRevocations } from '@/lib/auth/session-revocation';
import { openStore } from '@/lib/db/open';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

// Two SessionRevocations on one database are two replicas: what one ends, the other learns on
// its next reload; what a process ends itself applies there at once.
describe.each(ENGINES)('session revocations on %s', (engine) => {
  async function replicas() {
    const store = await openTestStore(engine);
    const other = openStore({ databaseUrl: store.databaseUrl, dataDir: store.dataDir });
    let now = 1_000_000;
    const clock = () => now;
    const a = new SessionRevocations(store, { now: clock, refreshMs: 2_000 });
    const b = new SessionRevocations(other, { now: clock, refreshMs: 2_000 });
    return {
      a,
      b,
      advance: (ms: number) => (now += ms),
      close: async () => {
        await other.close();
        await store.close();
      },
    };
  }

  it('a logout ends that session here at once and on another replica after one reload', async () => {
    const { a, b, advance, close } = await replicas();
    try {
      const session = { sid: 'one', gen: 0 };
      expect(await b.isLive(session)).toBe(true);
      await a.end('one', 1_000_000 + 60_000);
      expect(await a.isLive(session)).toBe(false);
      expect(await a.isLive({ sid: 'two', gen: 0 })).toBe(true);
      advance(2_000);
      expect(await b.isLive(session)).toBe(false);
      // Ending the same session twice is harmless.
      await b.end('one', 1_000_000 + 60_000);
    } finally {
      await close();
    }
  });

  it('sign out everywhere ends every session of older generations, new ones live', async () => {
    const { a, b, advance, close } = await replicas();
    try {
      const before = { sid: 'x', gen: await b.currentGeneration() };
      const generation = await a.endAll();
      expect(await a.isLive(before)).toBe(false);
      advance(2_000);
      expect(await b.isLive(before)).toBe(false);
      expect(await b.currentGeneration()).toBe(generation);
      expect(await b.isLive({ sid: 'y', gen: generation })).toBe(true);
      expect(await b.endAll()).toBe(generation + 1);
    } finally {
      await close();
    }
  });

  it('forgets an ended session once its cookie would have expired anyway', async () => {
    const { a, advance, close } = await replicas();
    try {
      await a.end('old', 1_000_000 + 5_000);
      advance(10_000);
      await a.end('new', 1_000_000 + 100_000);
      expect(await a.isLive({ sid: 'old' })).toBe(true);
      expect(await a.isLive({ sid: 'new' })).toBe(false);
    } finally {
      await close();
    }
  });
});
