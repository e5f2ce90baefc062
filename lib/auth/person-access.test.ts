import { accessFromCookies, accessFromCookiesNow, stillOpens } from '@/lib/auth/access';
import { endSession } from '@/lib/auth/live-sessions';
import { endAllSessionsOf, openSessions } from '@/lib/auth/person-sessions';
import { readSession } from '@/lib/auth/session';
import { usersChanged } from '@/lib/users/directory';
import { insertPerson } from '@/testing/people';
import { useTestAuth, type TestAuth } from '@/testing/sessions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A person's session through real sealed cookies and a real database: what it opens, and that
// every way of ending it (disable, "sign out everywhere", one session signed out) ends it at the
// very next request — the polled path included, which answers from memory.

let auth: TestAuth;
beforeAll(async () => {
  auth = await useTestAuth();
});
afterAll(() => auth.close());

const NOBODY = { access: null, setCookie: null };

async function disable(id: string) {
  await auth.store.db.updateTable('users').set({ disabled_at: Date.now() }).where('id', '=', id).execute();
  usersChanged();
}

describe('a person’s session', () => {
  it('opens with the person’s role and scope, read from the directory on every request', async () => {
    const ada = await insertPerson(auth.store, {
      role: 'technician',
      name: 'Ada',
      scope: { kind: 'groups', groupIds: ['acme'] },
    });
    const cookie = await auth.personCookie(ada.id);
    expect((await accessFromCookies(cookie)).access).toEqual({
      via: 'person',
      role: 'technician',
      person: { id: ada.id, name: 'Ada', email: ada.email },
      scope: { kind: 'groups', groupIds: ['acme'] },
      redact: false,
    });
    // The same answer from memory, for the polled path.
    expect(accessFromCookiesNow(cookie)?.access?.role).toBe('technician');

    await auth.store.db.updateTable('users').set({ role: 'viewer' }).where('id', '=', ada.id).execute();
    usersChanged();
    expect((await accessFromCookies(cookie)).access?.role).toBe('viewer');
  });

  it('ends at the next request once the person is disabled', async () => {
    const bob = await insertPerson(auth.store, { role: 'admin' });
    const cookie = await auth.personCookie(bob.id);
    expect((await accessFromCookies(cookie)).access?.role).toBe('admin');
    await disable(bob.id);
    expect(accessFromCookiesNow(cookie)).toBeUndefined();
    expect(await accessFromCookies(cookie)).toEqual(NOBODY);
    expect(accessFromCookiesNow(cookie)).toEqual(NOBODY);
    expect(await stillOpens(cookie)).toBe(false);
    // Enabled again, the old session stays ended only if its generation moved on; disabling alone
    // is reversible, so an admin re-enabling someone by mistake loses nothing.
    await auth.store.db.updateTable('users').set({ disabled_at: null }).where('id', '=', bob.id).execute();
    usersChanged();
    expect((await accessFromCookies(cookie)).access?.role).toBe('admin');
  });

  it('ends every session of the person at once, and only theirs', async () => {
    const cy = await insertPerson(auth.store, { role: 'viewer' });
    const dee = await insertPerson(auth.store, { role: 'viewer' });
    const first = await auth.personCookie(cy.id);
    const second = await auth.personCookie(cy.id);
    const other = await auth.personCookie(dee.id);
    expect(await openSessions(cy.id)).toHaveLength(2);
    await endAllSessionsOf(cy.id);
    for (const cookie of [first, second]) expect(await accessFromCookies(cookie)).toEqual(NOBODY);
    expect((await accessFromCookies(other)).access?.role).toBe('viewer');
    expect(await openSessions(cy.id)).toHaveLength(0);
    // A new sign-in after that works.
    expect((await accessFromCookies(await auth.personCookie(cy.id))).access?.role).toBe('viewer');
  });

  it('ends one session signed out from the list, leaving the others', async () => {
    const eve = await insertPerson(auth.store, { role: 'technician' });
    const laptop = await auth.personCookie(eve.id);
    const phone = await auth.personCookie(eve.id);
    const phoneSession = await readSession(phone);
    if (phoneSession?.role !== 'person') throw new Error('not a person session');
    await endSession(phoneSession.sid);
    expect(await accessFromCookies(phone)).toEqual(NOBODY);
    expect((await accessFromCookies(laptop)).access?.role).toBe('technician');
    expect((await openSessions(eve.id)).map((row) => row.id)).not.toContain(phoneSession.sid);
  });

  it('opens nothing for a person who no longer exists', async () => {
    const gone = await insertPerson(auth.store, { role: 'admin' });
    const cookie = await auth.personCookie(gone.id);
    await auth.store.db.deleteFrom('users').where('id', '=', gone.id).execute();
    usersChanged();
    expect(await accessFromCookies(cookie)).toEqual(NOBODY);
  });
});
