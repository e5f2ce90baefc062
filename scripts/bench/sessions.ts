// Every benchmark and soak runs signed in: as the admin, and as a share-link session where a
// viewer or a wall would be. A request that answers anything but what was expected stops the run
// with the status it saw — a benchmark that measured 401s measured nothing.

export const BENCH_PASSWORD = 'bench-password';

/** Who a benchmark row ran as: the admin, or a share link (viewer or wall) with its cookie. */
export interface BenchSession {
  label: 'admin' | 'share link (viewer)' | 'share link (wall)' | 'technician (one client)';
  cookie: string;
}

export class UnexpectedStatus extends Error {
  constructor(what: string, status: number | string, expected: readonly number[], body = '') {
    super(
      `unexpected status ${status} for ${what} (expected ${expected.join('/')})` +
        (body ? `: ${body.slice(0, 200)}` : ''),
    );
  }
}

function cookieFrom(response: Response): string {
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.includes('=') || cookie.endsWith('=')) throw new Error('no session cookie in the answer');
  return cookie;
}

/** Signs in with the password the benches start Levelboard with. */
export async function signInAsAdmin(url: string, password = BENCH_PASSWORD): Promise<BenchSession> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ password }),
  });
  if (response.status !== 200)
    throw new UnexpectedStatus('admin sign-in', response.status, [200], await response.text());
  return { label: 'admin', cookie: cookieFrom(response) };
}

export interface LinkOptions {
  kind?: 'viewer' | 'wall';
  /** A Levelboard scope; the whole fleet unless given. */
  scope?: Record<string, unknown>;
  redact?: boolean;
}

/** Creates a share link as the admin and opens it as a technician would, returning that session. */
export async function openShareLink(
  url: string,
  admin: BenchSession,
  options: LinkOptions = {},
): Promise<BenchSession & { linkId: string }> {
  const kind = options.kind ?? 'viewer';
  const created = await fetch(`${url}/api/admin/share-links`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/json', Cookie: admin.cookie },
    body: JSON.stringify({
      name: `bench ${kind} ${Date.now()}`,
      kind,
      scope: options.scope ?? { kind: 'fleet' },
      redact: options.redact ?? false,
      expiresInHours: 24,
    }),
  });
  if (created.status !== 201)
    throw new UnexpectedStatus('share link creation', created.status, [201], await created.text());
  const { link, token } = (await created.json()) as { link: { id: string }; token: string };
  const opened = await fetch(`${url}/s/${token}`, { redirect: 'manual' });
  if (opened.status !== 303 && opened.status !== 302 && opened.status !== 307)
    throw new UnexpectedStatus('opening the share link', opened.status, [303]);
  return {
    label: kind === 'wall' ? 'share link (wall)' : 'share link (viewer)',
    cookie: cookieFrom(opened),
    linkId: link.id,
  };
}

/**
 * A person signed in, as a team member would be: invited by the admin (role and scope), the invite
 * accepted with a password. Returns the session and the user id (to disable them for sabotage).
 */
export async function signInAsPerson(
  url: string,
  admin: BenchSession,
  person: { role: 'technician' | 'viewer'; scope: Record<string, unknown> },
): Promise<BenchSession & { userId: string }> {
  const headers = { Origin: url, 'Content-Type': 'application/json', Cookie: admin.cookie };
  const invited = await fetch(`${url}/api/admin/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: `bench-${Date.now()}@example.test`, name: 'Bench Technician', ...person }),
  });
  if (invited.status !== 201)
    throw new UnexpectedStatus('inviting a person', invited.status, [201], await invited.text());
  const { user, inviteUrl } = (await invited.json()) as { user: { id: string }; inviteUrl: string };
  const accepted = await fetch(`${url}/api/auth/invite/${inviteUrl.split('/').pop() ?? ''}`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ password: 'bench-person-password' }),
  });
  if (accepted.status !== 200)
    throw new UnexpectedStatus('accepting the invite', accepted.status, [200], await accepted.text());
  return { label: 'technician (one client)', cookie: cookieFrom(accepted), userId: user.id };
}

/** GET as a session; throws on any status outside `expected` (200 unless given). */
export async function getAs(
  url: string,
  session: BenchSession,
  init: { headers?: Record<string, string>; expected?: readonly number[] } = {},
): Promise<Response> {
  const expected = init.expected ?? [200];
  const response = await fetch(url, { headers: { ...init.headers, Cookie: session.cookie } });
  if (!expected.includes(response.status))
    throw new UnexpectedStatus(
      `GET ${new URL(url).pathname} as ${session.label}`,
      response.status,
      expected,
      await response.text(),
    );
  return response;
}

export async function getJsonAs<T>(url: string, session: BenchSession): Promise<T> {
  return (await (await getAs(url, session)).json()) as T;
}

/** Counts statuses seen by a run, and says which were not expected. */
export class StatusTally {
  readonly counts = new Map<string, number>();

  add(status: number | string, count = 1): void {
    const key = String(status);
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  /** "200×9,512 304×40", for the benchmark's table. */
  toString(): string {
    if (this.counts.size === 0) return 'none';
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, count]) => `${status}×${count.toLocaleString('en-US')}`)
      .join(' ');
  }

  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  /** Throws unless at least one answer came and every answer had one of the expected statuses. */
  assertOnly(what: string, expected: readonly number[]): void {
    const wanted = new Set(expected.map(String));
    const unexpected = [...this.counts].filter(([status]) => !wanted.has(status));
    if (unexpected.length > 0 || this.total() === 0) {
      throw new UnexpectedStatus(
        `${what} (statuses seen: ${this.toString()})`,
        unexpected.map(([status]) => status).join(', ') || 'none at all',
        expected,
      );
    }
  }
}

/**
 * The smoke run's negative control (BENCH_SABOTAGE=sessions): right before the measured phase,
 * every session the bench holds is ended on the server — admin sessions by "sign out
 * everywhere", links by revocation — so the phase gets 401s and the bench must fail on them.
 */
export async function sabotageIfAsked(
  url: string,
  admin: BenchSession,
  linkIds: string[],
  userIds: string[] = [],
): Promise<void> {
  if (process.env.BENCH_SABOTAGE !== 'sessions') return;
  const headers = { Origin: url, Cookie: admin.cookie };
  for (const id of linkIds) await fetch(`${url}/api/admin/share-links/${id}`, { method: 'DELETE', headers });
  for (const id of userIds)
    await fetch(`${url}/api/admin/users/${id}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
  await fetch(`${url}/api/admin/sessions/sign-out-everywhere`, { method: 'POST', headers });
  console.log('BENCH_SABOTAGE=sessions: every session was ended; the next phase must fail on 401');
}

/** BENCH_SMOKE=1: a tiny fleet and a second or two per phase — correctness only, no timing judged. */
export const SMOKE = process.env.BENCH_SMOKE === '1';
