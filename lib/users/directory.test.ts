import { UserDirectory } from '@/lib/users/directory';
import { insertPerson } from '@/testing/people';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

// The directory every request consults: what it answers, and when a change reaches it — at once
// in the process that wrote it, within the refresh period in another replica on the same database.

describe.each(ENGINES)('UserDirectory on %s', (engine) => {
  it('answers role, scope and state; an admin is always the whole fleet; a broken scope opens nothing', async () => {
    const store = await openTestStore(engine);
    try {
      const ada = await insertPerson(store, {
        role: 'technician',
        scope: { kind: 'groups', groupIds: ['acme'] },
      });
      const root = await insertPerson(store, { role: 'admin' });
      const odd = await insertPerson(store, { role: 'viewer' });
      // Written behind the accounts code's back: an admin row with a scope, a scope that cannot be.
      const setScope = (id: string, scope: string) =>
        store.db.updateTable('users').set({ scope }).where('id', '=', id).execute();
      await setScope(root.id, '{"kind":"groups","groupIds":["acme"]}');
      await setScope(odd.id, '{"kind":"groups","groupIds":[]}');
      const directory = new UserDirectory(store);
      expect(await directory.find(ada.id)).toMatchObject({
        role: 'technician',
        scope: { kind: 'groups', groupIds: ['acme'] },
        disabled: false,
        sessionGeneration: 0,
      });
      expect((await directory.find(root.id))?.scope).toEqual({ kind: 'fleet' });
      expect((await directory.find(odd.id))?.disabled).toBe(true);
      expect(await directory.find('nobody')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('sees its own writes at once and another replica’s within the refresh period', async () => {
    const store = await openTestStore(engine);
    try {
      const { id } = await insertPerson(store, { role: 'technician' });
      let now = 1_000_000;
      const here = new UserDirectory(store, { now: () => now });
      const replica = new UserDirectory(store, { now: () => now });
      expect((await here.find(id))?.disabled).toBe(false);
      expect((await replica.find(id))?.disabled).toBe(false);

      await store.db.updateTable('users').set({ disabled_at: now }).where('id', '=', id).execute();
      here.invalidate();
      expect(here.findNow(id)).toBeUndefined();
      expect((await here.find(id))?.disabled).toBe(true);
      // The other replica still has its copy of a moment ago…
      expect(replica.findNow(id)?.disabled).toBe(false);
      // …until its refresh period has passed.
      now += 1_000;
      expect(replica.findNow(id)).toBeUndefined();
      expect((await replica.find(id))?.disabled).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('never keeps a read that began before a write as fresh', async () => {
    const store = await openTestStore(engine);
    try {
      const { id } = await insertPerson(store, { role: 'viewer' });
      const directory = new UserDirectory(store);
      const before = directory.find(id);
      await store.db.updateTable('users').set({ role: 'technician' }).where('id', '=', id).execute();
      directory.invalidate();
      await before;
      expect((await directory.find(id))?.role).toBe('technician');
    } finally {
      await store.close();
    }
  });
});
