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
      await insertPerson(store, {
        id: 'ada',
        role: 'technician',
        scope: { kind: 'groups', groupIds: ['acme'] },
      });
      await insertPerson(store, { id: 'root', role: 'admin', scope: { kind: 'groups', groupIds: ['acme'] } });
      await insertPerson(store, { id: 'odd', role: 'viewer' });
      await store.db
        .updateTable('users')
        .set({ scope: '{"kind":"groups","groupIds":[]}' })
        .where('id', '=', 'odd')
        .execute();
      const directory = new UserDirectory(store);
      expect(await directory.find('ada')).toMatchObject({
        role: 'technician',
        scope: { kind: 'groups', groupIds: ['acme'] },
        disabled: false,
        sessionGeneration: 0,
      });
      expect((await directory.find('root'))?.scope).toEqual({ kind: 'fleet' });
      expect((await directory.find('odd'))?.disabled).toBe(true);
      expect(await directory.find('nobody')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('sees its own writes at once and another replica’s within the refresh period', async () => {
    const store = await openTestStore(engine);
    try {
      await insertPerson(store, { id: 'ada', role: 'technician' });
      let now = 1_000_000;
      const here = new UserDirectory(store, { now: () => now });
      const replica = new UserDirectory(store, { now: () => now });
      expect((await here.find('ada'))?.disabled).toBe(false);
      expect((await replica.find('ada'))?.disabled).toBe(false);

      await store.db.updateTable('users').set({ disabled_at: now }).where('id', '=', 'ada').execute();
      here.invalidate();
      expect(here.findNow('ada')).toBeUndefined();
      expect((await here.find('ada'))?.disabled).toBe(true);
      // The other replica still has its copy of a moment ago…
      expect(replica.findNow('ada')?.disabled).toBe(false);
      // …until its refresh period has passed.
      now += 1_000;
      expect(replica.findNow('ada')).toBeUndefined();
      expect((await replica.find('ada'))?.disabled).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('never keeps a read that began before a write as fresh', async () => {
    const store = await openTestStore(engine);
    try {
      await insertPerson(store, { id: 'ada', role: 'viewer' });
      const directory = new UserDirectory(store);
      const before = directory.find('ada');
      await store.db.updateTable('users').set({ role: 'technician' }).where('id', '=', 'ada').execute();
      directory.invalidate();
      await before;
      expect((await directory.find('ada'))?.role).toBe('technician');
    } finally {
      await store.close();
    }
  });
});
