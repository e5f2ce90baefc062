import { expect, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';

// People for the specs: the admin (storage state) invites them through the API, and each accepts
// the invite with a password, exactly as a person would — so every spec that needs a technician or
// a viewer gets a real account and a real session cookie.

export type PersonRole = 'admin' | 'technician' | 'viewer';
export type PersonScope = { kind: 'fleet' } | { kind: 'groups'; groupIds: string[] };

export interface CreatedPerson {
  id: string;
  email: string;
  name: string;
  password: string;
  role: PersonRole;
  scope: PersonScope;
  /** A Cookie header for a session of this person. */
  cookie: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request that may meet the sign-in rate limit: waits as told (Retry-After) and asks again. */
export async function withRateLimit(send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await send();
    if (response.status !== 429 || attempt >= 4) return response;
    await sleep((Number(response.headers.get('retry-after')) || 5) * 1000 + 250);
  }
}

export const cookieOf = (response: Response) =>
  (response.headers.getSetCookie?.() ?? []).map((cookie) => cookie.split(';')[0]).join('; ');

/** Invites a person (as the admin in `admin`) and accepts the invite; returns their session. */
export async function createPerson(
  admin: APIRequestContext,
  baseUrl: string,
  person: { role: PersonRole; scope?: PersonScope; name?: string },
): Promise<CreatedPerson> {
  const tag = randomBytes(4).toString('hex');
  const email = `${person.role}-${tag}@example.test`;
  const name = person.name ?? `${person.role[0]?.toUpperCase()}${person.role.slice(1)} ${tag}`;
  const scope = person.scope ?? { kind: 'fleet' };
  const invited = await admin.post(`${baseUrl}/api/admin/users`, {
    headers: { Origin: baseUrl },
    data: { email, name, role: person.role, scope },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const { user, inviteUrl } = (await invited.json()) as { user: { id: string }; inviteUrl: string };
  const token = new URL(inviteUrl, baseUrl).pathname.split('/').pop() ?? '';
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  const accepted = await withRateLimit(() =>
    fetch(`${baseUrl}/api/auth/invite/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl },
      body: JSON.stringify({ password }),
    }),
  );
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  const cookie = cookieOf(accepted);
  expect(cookie).toMatch(/^levelboard_session=/);
  return { id: user.id, email, name, password, role: person.role, scope, cookie };
}

/** A fresh session of an existing person, through the sign-in form's route. */
export async function signInPerson(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await withRateLimit(() =>
    fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl },
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return cookieOf(response);
}
