import { expect, test, type APIRequestContext } from '@playwright/test';
import { liveUrl } from './support/env';
import { createPerson, type CreatedPerson } from './support/people';

// A team on the live server: a technician scoped to one client acts on that client and only
// there (another client's devices, alerts and groups are "unknown", fleet-wide objects are
// refused); a viewer acts nowhere; every action names the person in the audit log, which filters
// by person; and each role's pages show only the controls its role may use.

interface Client {
  id: string;
  name: string;
  rollup: { devices: { total: number } };
}
interface Row {
  id: string;
  deviceId?: string;
  clientId?: string | null;
}

async function asPerson(person: CreatedPerson, method: string, url: string, data?: unknown) {
  const response = await fetch(`${liveUrl}${url}`, {
    method,
    headers: {
      Cookie: person.cookie,
      Origin: liveUrl,
      ...(data === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: data === undefined ? undefined : JSON.stringify(data),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

async function twoClients(admin: APIRequestContext): Promise<[Client, Client]> {
  const clients = (await (await admin.get(`${liveUrl}/api/fleet/clients`)).json()).clients as Client[];
  const [a, b] = clients.filter((client) => client.rollup.devices.total > 2);
  if (!a || !b) throw new Error('fixture needs two clients with devices');
  return [a, b];
}

const devicesOf = async (admin: APIRequestContext, groupId: string) =>
  (await (await admin.get(`${liveUrl}/api/devices?group=${groupId}&limit=50`)).json()).data as Row[];
const alertsOf = async (admin: APIRequestContext, groupId: string) =>
  (await (await admin.get(`${liveUrl}/api/alerts?group=${groupId}&status=active&limit=50`)).json())
    .data as Row[];

test.describe('team roles', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a technician scoped to one client acts there and only there; a viewer acts nowhere', async ({
    request: admin,
  }) => {
    const [mine, theirs] = await twoClients(admin);
    const tech = await createPerson(admin, liveUrl, {
      role: 'technician',
      name: 'Tess Tech',
      scope: { kind: 'groups', groupIds: [mine.id] },
    });
    const viewer = await createPerson(admin, liveUrl, {
      role: 'viewer',
      scope: { kind: 'groups', groupIds: [mine.id] },
    });
    const [myDevice] = await devicesOf(admin, mine.id);
    const [theirDevice] = await devicesOf(admin, theirs.id);
    if (!myDevice || !theirDevice) throw new Error('fixture needs devices in both clients');

    // Reads are scoped like a share link's.
    const summary = (await asPerson(tech, 'GET', '/api/fleet/summary')).json() as {
      devices: { total: number };
    };
    expect(summary.devices.total).toBe(mine.rollup.devices.total);
    expect((await asPerson(tech, 'GET', `/api/devices/${theirDevice.id}`)).status).toBe(404);

    // Out of scope reads as unknown, in every action.
    const outside = [
      ['PATCH', `/api/admin/devices/${theirDevice.id}`, { notes: 'x' }],
      ['POST', '/api/admin/groups', { name: 'tech group', parentId: theirs.id }],
      ['PATCH', `/api/admin/groups/${theirs.id}`, { name: 'renamed' }],
      ['POST', `/api/admin/groups/${mine.id}/devices`, { deviceIds: [theirDevice.id] }],
    ] as const;
    for (const [method, url, body] of outside) {
      const answer = await asPerson(tech, method, url, body);
      expect(answer.status, `${method} ${url}: ${answer.text}`).toBe(404);
    }
    const theirAlert = (await alertsOf(admin, theirs.id))[0];
    if (theirAlert) {
      expect(
        (await asPerson(tech, 'POST', '/api/admin/alerts/resolve', { alertIds: [theirAlert.id] })).status,
      ).toBe(404);
      expect(
        (
          await asPerson(tech, 'POST', '/api/admin/acknowledgements', {
            problems: [{ kind: 'alert', alertId: theirAlert.id }],
          })
        ).status,
      ).toBe(404);
    }
    // Fleet-wide objects and the client itself are the admin's.
    for (const [method, url, body] of [
      ['POST', '/api/admin/tags', { name: 'tech-made' }],
      ['POST', '/api/admin/groups', { name: 'top level', parentId: null }],
      ['DELETE', `/api/admin/groups/${mine.id}`, undefined],
      ['PATCH', `/api/admin/groups/${mine.id}`, { name: 'renamed client' }],
    ] as const) {
      const answer = await asPerson(tech, method, url, body);
      expect(answer.status, `${method} ${url}: ${answer.text}`).toBe(403);
    }

    // Inside the scope, actions work and are audited under the technician's name.
    const note = `checked by Tess ${Date.now()}`;
    const patched = await asPerson(tech, 'PATCH', `/api/admin/devices/${myDevice.id}`, { notes: note });
    expect(patched.status, patched.text).toBe(200);
    const myAlert = (await alertsOf(admin, mine.id))[0];
    if (myAlert) {
      const acked = await asPerson(tech, 'POST', '/api/admin/acknowledgements', {
        problems: [{ kind: 'alert', alertId: myAlert.id }],
      });
      expect(acked.status, acked.text).toBe(200);
      await asPerson(tech, 'DELETE', '/api/admin/acknowledgements', {
        problems: [{ kind: 'alert', alertId: myAlert.id }],
      });
    }
    // The tags list counts only the technician's devices.
    const tags = (await asPerson(tech, 'GET', '/api/admin/tags')).json() as {
      tags: { name: string; deviceCount: number }[];
    };
    const myRows = (await (await admin.get(`${liveUrl}/api/devices?group=${mine.id}&limit=500`)).json())
      .data as {
      tags: string[];
    }[];
    for (const tag of tags.tags)
      expect(tag.deviceCount, tag.name).toBe(myRows.filter((row) => row.tags.includes(tag.name)).length);

    // A viewer is refused every action, inside the scope too.
    for (const [method, url, body] of [
      ['PATCH', `/api/admin/devices/${myDevice.id}`, { notes: 'viewer' }],
      ['POST', '/api/fleet/sync', undefined],
      ['GET', '/api/admin/tags', undefined],
    ] as const) {
      expect((await asPerson(viewer, method, url, body)).status, `${method} ${url}`).toBe(403);
    }

    // The audit log names the person, and filters by them.
    const audit = (await (await admin.get(`${liveUrl}/api/admin/audit?actorId=${tech.id}`)).json()) as {
      entries: { actor: string; actorId: string; action: string; result: string }[];
      people: { id: string; label: string }[];
    };
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(audit.entries.every((entry) => entry.actorId === tech.id)).toBe(true);
    expect(audit.entries.map((entry) => entry.action)).toContain('devices.update');
    expect(audit.entries[0]?.actor).toContain('Tess Tech');
    expect(audit.people.map((person) => person.id)).toContain(tech.id);
  });

  test('each role sees the navigation and controls it may use', async ({ browser, request: admin }) => {
    const [mine] = await twoClients(admin);
    const people = {
      technician: await createPerson(admin, liveUrl, { role: 'technician', name: 'Nav Tech' }),
      viewer: await createPerson(admin, liveUrl, {
        role: 'viewer',
        name: 'Nav Viewer',
        scope: { kind: 'groups', groupIds: [mine.id] },
      }),
    };
    for (const [role, person] of Object.entries(people)) {
      const context = await browser.newContext({
        baseURL: liveUrl,
        storageState: { cookies: [], origins: [] },
      });
      const [name = '', value = ''] = person.cookie.split(/=(.*)/s);
      await context.addCookies([{ name, value, url: liveUrl }]);
      const page = await context.newPage();
      await page.goto('/alerts');
      const nav = page.getByRole('navigation', { name: 'Main' }).first();
      await expect(nav.getByRole('link', { name: 'Alerts' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'Manage' })).toHaveCount(role === 'technician' ? 1 : 0);
      await expect(page.getByTestId('role-badge')).toHaveText(
        role === 'technician' ? 'Technician' : 'Viewer',
      );
      await expect(page.getByTestId('shared-view')).toHaveCount(0);
      // Settings is the admin's: anyone else lands on the overview.
      await page.goto('/settings');
      await expect(page).toHaveURL(`${liveUrl}/`);
      await page.goto('/manage');
      await expect(page).toHaveURL(role === 'technician' ? `${liveUrl}/manage` : `${liveUrl}/`);
      await context.close();
    }
  });
});
