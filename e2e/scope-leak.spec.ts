import { encodeId, startSimulator, type RunningSimulator } from '@/simulator';
import { HOST_FORMS, hostForm, USER_FORMS, userForm } from '@/simulator/alert-mentions';
import { startTestPostgres, type TestPostgres } from '@/testing/postgres';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, EXTRA_PORTS, liveUrl, SHARED_SERVER_ENV } from './support/env';
import { addDeviceNames, MarkerSet, type DeviceTruth } from './support/leak-markers';
import { createPerson, type PersonScope } from './support/people';
import { startServer, type ServerProcess } from './support/processes';
import { apiRoutes } from './support/route-tree';

// The scope promise, as a property: whatever a share link or a scoped person (a technician or a
// viewer with chosen client groups) asks (every GET route of app/api, ids inside and outside the
// scope, every page of every list), no byte of any answer names anything outside the scope, and a
// redacted link's answers name none of its own devices or users either.
// Run against the e2e live server (SQLite) and a second server on PostgreSQL. The devices CSV
// export is built in the browser from /api/devices pages (lib/query/devices.ts), so those pages,
// all of them, are what is scanned for it.

interface Group {
  id: string;
  name: string;
  parentId: string | null;
  clientId: string;
  path: string[];
  subtree: { devices: { total: number } };
}
interface AlertTruth {
  id: string;
  deviceId: string;
  resolved: boolean;
}
interface Truth {
  devices: DeviceTruth[];
  groups: Group[];
  alerts: AlertTruth[];
}
type Scope =
  | { kind: 'fleet' }
  | { kind: 'group'; groupId: string }
  | { kind: 'groups'; groupIds: string[] }
  | { kind: 'devices'; deviceIds: string[] };
/**
 * A share link (`viewer`, `wall`, `report`: one client's report for one month) or a person signed
 * in (`technician`, `person-viewer`).
 */
interface LinkPlan {
  name: string;
  kind: 'viewer' | 'wall' | 'report' | 'technician' | 'person-viewer';
  redact: boolean;
  scope: Scope;
}
const isPersonPlan = (plan: LinkPlan) => plan.kind === 'technician' || plan.kind === 'person-viewer';
interface Tally {
  links: number;
  routes: Set<string>;
  answers: number;
  bytes: number;
  markerChecks: number;
  hits: string[];
}

const NONE_ID = 'Z2lkOi8vbGV2ZWwvRGV2aWNlLzk5OTk5OTk';
/** The month before this one (UTC: the clients of the e2e fleet have no report settings). */
const previousMonthKey = () => {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
};
const origin = (base: string) => ({ Origin: base });
const encodeCursor = (cursor: { s: string; i: string; p: number }) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

async function allPages<T>(api: APIRequestContext, url: string): Promise<T[]> {
  const out: T[] = [];
  let next: string | null = url;
  while (next) {
    const response = await api.get(next);
    expect(response.status(), next).toBe(200);
    const page = (await response.json()) as { data: T[]; nextCursor: string | null };
    out.push(...page.data);
    next = page.nextCursor ? `${url}&cursor=${encodeURIComponent(page.nextCursor)}` : null;
  }
  return out;
}

async function readTruth(admin: APIRequestContext, base: string): Promise<Truth> {
  const devices = await allPages<DeviceTruth>(admin, `${base}/api/devices?limit=500&sort=hostname`);
  const alerts = await allPages<AlertTruth>(admin, `${base}/api/alerts?status=all&limit=500`);
  const groups = ((await (await admin.get(`${base}/api/groups`)).json()) as { groups: Group[] }).groups;
  return { devices, alerts, groups };
}

/** Fleet, a client, a sub-group of another client, a few devices of different clients. */
function plans(truth: Truth): LinkPlan[] {
  const withDevices = truth.groups.filter((group) => group.subtree.devices.total > 0);
  const clients = withDevices
    .filter((group) => group.parentId === null)
    .sort((a, b) => b.subtree.devices.total - a.subtree.devices.total);
  const client = clients[0];
  const sub = withDevices.find((group) => group.parentId !== null && group.clientId !== client?.id);
  if (!client || !sub) throw new Error('fixture needs a client and a sub-group of another client');
  const alerting = new Set(truth.alerts.map((alert) => alert.deviceId));
  const picked: DeviceTruth[] = [];
  for (const device of truth.devices) {
    if (!alerting.has(device.id) || picked.some((other) => other.clientName === device.clientName)) continue;
    picked.push(device);
    if (picked.length === 4) break;
  }
  const ungrouped = truth.devices.find((device) => device.groupId === null);
  if (ungrouped) picked.push(ungrouped);
  const scopes: [string, Scope][] = [
    ['fleet', { kind: 'fleet' }],
    [`client ${client.name}`, { kind: 'group', groupId: client.id }],
    [`sub-group ${sub.path.join(' / ')}`, { kind: 'group', groupId: sub.id }],
    [`${picked.length} devices`, { kind: 'devices', deviceIds: picked.map((device) => device.id) }],
  ];
  const links = scopes.flatMap(([name, scope]) =>
    (['viewer', 'wall'] as const).flatMap((kind) =>
      [false, true].map((redact) => ({
        name: `${kind} · ${name}${redact ? ' · redacted' : ''}`,
        kind,
        redact,
        scope,
      })),
    ),
  );
  // People are scoped to client groups (one or several), never redacted.
  const otherClient = clients.find((group) => group.id !== client.id && group.id !== sub.clientId);
  const people: LinkPlan[] = [
    {
      name: `technician · client ${client.name}`,
      kind: 'technician',
      redact: false,
      scope: { kind: 'groups', groupIds: [client.id] },
    },
    {
      name: `viewer · sub-group ${sub.path.join(' / ')} and client ${otherClient?.name ?? ''}`,
      kind: 'person-viewer',
      redact: false,
      scope: { kind: 'groups', groupIds: [sub.id, ...(otherClient ? [otherClient.id] : [])] },
    },
  ];
  // A report link opens its client's report (page and PDF) and nothing else.
  const reports: LinkPlan[] = [
    {
      name: `report · client ${client.name}`,
      kind: 'report',
      redact: false,
      scope: { kind: 'group', groupId: client.id },
    },
  ];
  return [...links, ...people, ...reports];
}

/** The groups whose subtrees a scope covers. */
const scopeRoots = (scope: Scope): string[] =>
  scope.kind === 'group' ? [scope.groupId] : scope.kind === 'groups' ? scope.groupIds : [];

function isWithin(groups: Map<string, Group>, id: string | null, ancestor: string): boolean {
  for (
    let node = id ? groups.get(id) : undefined;
    node;
    node = node.parentId ? groups.get(node.parentId) : undefined
  ) {
    if (node.id === ancestor) return true;
  }
  return false;
}

/** What the link may see, and the markers it must never receive. */
function scopeOf(truth: Truth, plan: LinkPlan, detailSerials: Map<string, string[]>) {
  const groups = new Map(truth.groups.map((group) => [group.id, group]));
  const scope = plan.scope;
  const roots = scopeRoots(scope);
  const inRoots = (groupId: string | null) => roots.some((root) => isWithin(groups, groupId, root));
  const inScope = (device: DeviceTruth) =>
    scope.kind === 'fleet' ||
    inRoots(device.groupId) ||
    (scope.kind === 'devices' && scope.deviceIds.includes(device.id));
  const mine = truth.devices.filter(inScope);
  const theirs = truth.devices.filter((device) => !inScope(device));
  const mineIds = new Set(mine.map((device) => device.id));
  // Groups the link may name: its own subtree, and the path above its devices.
  const namedGroups = new Set<string>();
  for (const group of truth.groups) {
    if (scope.kind === 'fleet' || inRoots(group.id)) namedGroups.add(group.id);
  }
  for (const device of mine) {
    for (let node = device.groupId ? groups.get(device.groupId) : undefined; node;) {
      namedGroups.add(node.id);
      node = node.parentId ? groups.get(node.parentId) : undefined;
    }
  }
  const markers = new MarkerSet();
  for (const device of theirs) {
    markers.add(`id of out-of-scope device ${device.hostname}`, device.id);
    addDeviceNames(markers, device, 'out-of-scope device');
  }
  for (const alert of truth.alerts) {
    if (!mineIds.has(alert.deviceId)) markers.add(`id of out-of-scope alert on ${alert.deviceId}`, alert.id);
  }
  for (const group of truth.groups) {
    if (!namedGroups.has(group.id))
      markers.add(`name of out-of-scope group ${group.path.join(' / ')}`, group.name);
  }
  if (plan.redact) {
    for (const device of mine) {
      addDeviceNames(markers, device, 'hidden in-scope device');
      for (const serial of detailSerials.get(device.id) ?? []) {
        markers.add(`part serial of hidden in-scope device ${device.hostname}`, serial, 4);
      }
    }
  }
  // What the link may legitimately show: an out-of-scope nickname or user equal to an in-scope one
  // is not a leak. A redacted link shows only group paths and tags of its devices.
  const namedText = truth.groups
    .filter((group) => namedGroups.has(group.id))
    .map((group) => group.path.join(' / '))
    .join('\n');
  const tags = [...new Set(mine.flatMap((device) => device.tags))].join('\n');
  const ambiguous = markers.without(
    plan.redact ? `${namedText}\n${tags}` : `${namedText}\n${tags}\n${JSON.stringify(mine)}`,
  );
  const sample = <T>(items: T[], count: number) =>
    items
      .filter((_item, index) => index % Math.max(1, Math.floor(items.length / count)) === 0)
      .slice(0, count);
  return {
    mine,
    theirs,
    mineIds,
    markers,
    ambiguous,
    // Groups the link may ask about: its own subtree (a device-list link has none).
    inGroups: truth.groups.filter((group) => scope.kind === 'fleet' || inRoots(group.id)),
    outGroups: sample(
      truth.groups.filter((group) => !namedGroups.has(group.id)),
      3,
    ),
    inSample: sample(mine, 3),
    outSample: sample(theirs, 3),
    outAlerts: sample(
      truth.alerts.filter((alert) => !mineIds.has(alert.deviceId)),
      2,
    ),
    outTags: [...new Set(theirs.flatMap((device) => device.tags))].filter(
      (tag) => !mine.some((device) => device.tags.includes(tag)),
    ),
  };
}

type Exercise = (
  ctx: ReturnType<typeof scopeOf>,
  plan: LinkPlan,
) => { url: string; paged?: boolean; stream?: boolean }[];

const HISTORY_WINDOW = 'range=24h';
// Every GET route a link can call, and how to exercise it. A route missing here fails the test.
const EXERCISES: Record<string, Exercise> = {
  '/api/health': () => [{ url: '/api/health' }],
  '/api/auth/session': () => [{ url: '/api/auth/session' }],
  // Public: an invite token that names nobody (a real one is never known to a link).
  '/api/auth/invite/[token]': () => [{ url: '/api/auth/invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
  // Public redirects of single sign-on (not configured here): followed to the sign-in page.
  '/api/auth/oidc/start': () => [{ url: '/api/auth/oidc/start?returnTo=/devices' }],
  '/api/auth/oidc/callback': () => [{ url: '/api/auth/oidc/callback?code=forged&state=forged' }],
  '/api/fleet/summary': () => [{ url: '/api/fleet/summary' }],
  '/api/fleet/clients': () => [{ url: '/api/fleet/clients' }],
  '/api/groups': () => [{ url: '/api/groups' }],
  '/api/wall/problems': () => [{ url: '/api/wall/problems' }],
  '/api/metrics': () => [{ url: '/api/metrics' }],
  // A stream never ends: read for a while (e2e/live-push.spec.ts reads it while things change).
  '/api/events': () => [{ url: '/api/events', stream: true }],
  '/api/history/fleet': () => [
    { url: `/api/history/fleet?${HISTORY_WINDOW}` },
    { url: '/api/history/fleet?range=7d' },
  ],
  '/api/history/changes': () => [
    { url: '/api/history/changes?limit=500' },
    { url: `/api/history/changes?limit=500&since=${new Date(Date.now() - 30 * 86_400_000).toISOString()}` },
  ],
  '/api/history/groups/[id]': (ctx) =>
    [...ctx.inGroups.slice(0, 3), ...ctx.outGroups, { id: NONE_ID }].map((group) => ({
      url: `/api/history/groups/${group.id}?${HISTORY_WINDOW}`,
    })),
  '/api/history/devices/[id]': (ctx) =>
    [...ctx.inSample, ...ctx.outSample, { id: NONE_ID }].map((device) => ({
      url: `/api/history/devices/${device.id}?${HISTORY_WINDOW}`,
    })),
  '/api/devices/[id]': (ctx) =>
    [...ctx.inSample, ...ctx.outSample, { id: NONE_ID }].map((device) => ({
      url: `/api/devices/${device.id}`,
    })),
  '/api/devices': (ctx) => [
    ...['hostname', '-hostname', 'name', 'client', 'status', 'alerts'].map((sort) => ({
      url: `/api/devices?limit=500&sort=${sort}`,
      paged: true,
    })),
    { url: '/api/devices?limit=7&sort=-lastSeen', paged: true },
    ...[...ctx.inGroups.slice(0, 2), ...ctx.outGroups].map((group) => ({
      url: `/api/devices?group=${group.id}&limit=500`,
      paged: true,
    })),
    { url: '/api/devices?group=ungrouped&limit=500', paged: true },
    ...ctx.outTags
      .slice(0, 3)
      .map((tag) => ({ url: `/api/devices?tag=${encodeURIComponent(tag)}&limit=500`, paged: true })),
    ...[...ctx.outSample, ...ctx.inSample].flatMap((device) => [
      { url: `/api/devices?q=${encodeURIComponent(device.hostname)}` },
      { url: `/api/devices?q=${encodeURIComponent(device.hostname.slice(0, 5).toLowerCase())}` },
    ]),
  ],
  '/api/alerts': (ctx) => [
    { url: '/api/alerts?status=all&limit=500', paged: true },
    { url: '/api/alerts?status=all&limit=13', paged: true },
    { url: '/api/alerts?status=active&limit=500', paged: true },
    ...[...ctx.inSample, ...ctx.outSample].map((device) => ({
      url: `/api/alerts?status=all&device=${device.id}`,
      paged: true,
    })),
    ...[...ctx.inGroups.slice(0, 2), ...ctx.outGroups].map((group) => ({
      url: `/api/alerts?status=all&group=${group.id}`,
      paged: true,
    })),
    ...[...ctx.outSample, ...ctx.inSample].flatMap((device) => [
      { url: `/api/alerts?status=all&q=${encodeURIComponent(device.hostname.toLowerCase())}` },
      ...(device.lastLoggedInUser
        ? [
            {
              url: `/api/alerts?status=all&q=${encodeURIComponent(device.lastLoggedInUser.split('\\').pop() ?? '')}`,
            },
          ]
        : []),
    ]),
  ],
};
// Issue 20's reads (posture, availability, a client's report PDF): ids inside and outside the
// scope. A PDF's text is compressed, so its bytes prove little; /report-link's PDF is read back
// with pdftotext for the report links (scanReportLink).
Object.assign(EXERCISES, {
  '/api/posture': () => [{ url: '/api/posture' }],
  '/api/posture/clients/[id]': (ctx) =>
    [...ctx.inGroups.slice(0, 2), ...ctx.outGroups, { id: NONE_ID }].map((group) => ({
      url: `/api/posture/clients/${group.id}`,
    })),
  '/api/reports/availability': (ctx) =>
    [...ctx.inGroups.slice(0, 2), ...ctx.outGroups, { id: NONE_ID }].map((group) => ({
      url: `/api/reports/availability?clientId=${group.id}`,
    })),
  '/api/reports/[clientId]/pdf': (ctx) =>
    [...ctx.inGroups.slice(0, 1), ...ctx.outGroups.slice(0, 1)].map((group) => ({
      url: `/api/reports/${group.id}/pdf`,
    })),
} satisfies Record<string, Exercise>);
const ADMIN_ONLY = (template: string) => template.startsWith('/api/admin/');
/** Admin-area reads a technician may make (Level actions need them); scanned like any answer. */
const TECHNICIAN_READS: Record<string, Exercise> = {
  '/api/admin/tags': () => [{ url: '/api/admin/tags' }],
  '/api/admin/automations': () => [{ url: '/api/admin/automations' }],
  '/api/admin/actions/capabilities': () => [{ url: '/api/admin/actions/capabilities' }],
};
/** Reads of one's own account: people only; a link is refused. */
const PERSON_READS: Record<string, Exercise> = {
  '/api/account': () => [{ url: '/api/account' }],
  '/api/account/sessions': () => [{ url: '/api/account/sessions' }],
};

/**
 * Opaque tokens are read, not skipped: a cursor is scanned as the JSON it encodes. An ETag is a
 * hash (it can carry nothing) whose random base64 would only make false hits on short names.
 */
function decodeCursors(body: string): string {
  return body.replace(/"nextCursor":"([A-Za-z0-9_-]+)"/g, (_match, cursor: string) =>
    JSON.stringify({ nextCursor: Buffer.from(cursor, 'base64url').toString('utf8') }),
  );
}
function readable(headers: Record<string, string>): Record<string, string> {
  const copy = { ...headers };
  if (copy.etag) copy.etag = '<hash>';
  return copy;
}
function contextOf(text: string, words: string[]): string {
  const found = new RegExp(words.join('[^a-z0-9]+'), 'i').exec(text);
  return found ? text.slice(Math.max(0, found.index - 40), found.index + found[0].length + 40) : '';
}

/**
 * Ids the request itself named (404 messages repeat them): not a leak. Search terms are not
 * echoed by any route, so they stay in the scan.
 */
function echoesOf(url: string): string[] {
  const parsed = new URL(url, 'http://x');
  const segments = parsed.pathname.split('/');
  const id = /^\/api\/(devices|history\/devices|history\/groups)\/[^/]+$/.test(parsed.pathname)
    ? [decodeURIComponent(segments[segments.length - 1] ?? '')]
    : [];
  const params = ['device', 'group', 'tag', 'cursor'].map((key) => parsed.searchParams.get(key) ?? '');
  return [...id, ...params].filter((value) => value.length >= 3);
}

async function scanLinkAnswers(
  api: APIRequestContext,
  ctx: ReturnType<typeof scopeOf>,
  plan: LinkPlan,
  tally: Tally,
) {
  const scanned = async (url: string) => {
    const response = await api.get(url);
    const body = await response.text();
    let text = `${JSON.stringify(readable(response.headers()))}\n${decodeCursors(body)}`;
    for (const echo of echoesOf(url)) text = text.split(echo).join(' ');
    tally.answers += 1;
    tally.bytes += text.length;
    tally.markerChecks += ctx.markers.size;
    for (const marker of ctx.markers.scan(text)) {
      tally.hits.push(`[${plan.name}] GET ${url}: ${marker.label} in …${contextOf(text, marker.words)}…`);
    }
    return { status: response.status(), body };
  };
  const scannedStream = async (url: string) => {
    const absolute = new URL(url, (await api.get('/api/health')).url()).toString();
    const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const response = await fetch(absolute, {
      headers: { Cookie: cookie },
      signal: AbortSignal.timeout(1_500),
    });
    let body = '';
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    try {
      for (let read = await reader?.read(); read && !read.done; read = await reader?.read())
        body += decoder.decode(read.value, { stream: true });
    } catch {
      // the timeout ends the read
    }
    const text = `${JSON.stringify(readable(Object.fromEntries(response.headers)))}\n${body}`;
    tally.answers += 1;
    tally.bytes += text.length;
    tally.markerChecks += ctx.markers.size;
    if (response.status !== 200 || !body.includes('event: snapshot'))
      tally.hits.push(`[${plan.name}] GET ${url}: ${response.status} without a snapshot event`);
    for (const marker of ctx.markers.scan(text)) {
      tally.hits.push(`[${plan.name}] GET ${url}: ${marker.label} in …${contextOf(text, marker.words)}…`);
    }
  };
  const routes = apiRoutes().filter((route) => route.method === 'GET');
  if (plan.kind === 'report') {
    await scanReportLink(api, routes, scanned, plan, tally, ctx);
    return;
  }
  for (const route of routes) {
    tally.routes.add(route.template);
    const technicianRead = plan.kind === 'technician' ? TECHNICIAN_READS[route.template] : undefined;
    const personRead = PERSON_READS[route.template];
    if ((ADMIN_ONLY(route.template) && !technicianRead) || (personRead && !isPersonPlan(plan))) {
      const { status } = await scanned(route.path);
      if (status !== 403)
        tally.hits.push(`[${plan.name}] GET ${route.path}: refused route answered ${status}`);
      continue;
    }
    const exercise = technicianRead ?? personRead ?? EXERCISES[route.template];
    if (!exercise) throw new Error(`scope-leak: no exercise for GET ${route.template}; add one to EXERCISES`);
    for (const { url, paged, stream } of exercise(ctx, plan)) {
      if (stream) {
        await scannedStream(url);
        continue;
      }
      let next: string | null = url;
      for (let pages = 0; next && pages < 200; pages += 1) {
        const { status, body } = await scanned(next);
        const cursor =
          paged && status === 200 ? (JSON.parse(body) as { nextCursor: string | null }).nextCursor : null;
        next = cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : null;
      }
    }
  }
}

/**
 * A report link: its page and its PDF (read back as text with pdftotext) are scanned like any
 * answer; every GET route of the API must answer it exactly as it answers no session at all.
 */
async function scanReportLink(
  api: APIRequestContext,
  routes: ReturnType<typeof apiRoutes>,
  scanned: (url: string) => Promise<{ status: number; body: string }>,
  plan: LinkPlan,
  tally: Tally,
  ctx: ReturnType<typeof scopeOf>,
) {
  const page = await scanned('/report-link');
  if (page.status !== 200 || !page.body.includes('data-report-client'))
    tally.hits.push(`[${plan.name}] /report-link answered ${page.status} without a report`);
  const pdf = await api.get('/report-link/pdf');
  const file = path.join(ARTIFACTS, `scope-leak-report-${Date.now()}.pdf`);
  writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  tally.answers += 1;
  tally.bytes += text.length;
  tally.markerChecks += ctx.markers.size;
  if (pdf.status() !== 200 || text.length < 200)
    tally.hits.push(
      `[${plan.name}] /report-link/pdf answered ${pdf.status()} with ${text.length} characters`,
    );
  for (const marker of ctx.markers.scan(text))
    tally.hits.push(`[${plan.name}] PDF: ${marker.label} in …${contextOf(text, marker.words)}…`);
  const base = new URL((await api.get('/api/health')).url()).origin;
  const nobody = await playwrightRequest.newContext({
    baseURL: base,
    storageState: { cookies: [], origins: [] },
  });
  try {
    for (const route of routes) {
      tally.routes.add(route.template);
      if (route.template === '/api/events') continue; // a stream: its refusal is the 401 before it starts
      const { status } = await scanned(route.path);
      const expected = (await nobody.get(route.path)).status();
      if (status !== expected)
        tally.hits.push(`[${plan.name}] GET ${route.path}: ${status}, where no session gets ${expected}`);
    }
    const events = await api.get('/api/events', { timeout: 5_000 });
    if (events.status() !== 401) tally.hits.push(`[${plan.name}] GET /api/events: ${events.status()}`);
    // Pages: what a stranger gets (the sign-in page).
    for (const pagePath of ['/', '/devices', '/alerts', '/wall', '/settings']) {
      const answer = await api.get(pagePath, { maxRedirects: 0 });
      const stranger = await nobody.get(pagePath, { maxRedirects: 0 });
      if (answer.status() !== stranger.status() || answer.headers().location !== stranger.headers().location)
        tally.hits.push(
          `[${plan.name}] page ${pagePath}: ${answer.status()} ≠ ${stranger.status()} for no session`,
        );
    }
  } finally {
    await nobody.dispose();
  }
}

/** Answers that differ between "outside my scope" and "does not exist" tell the link it exists. */
async function oracleChecks(
  api: APIRequestContext,
  ctx: ReturnType<typeof scopeOf>,
  plan: LinkPlan,
  tally: Tally,
) {
  const same = async (what: string, outside: string, none: string, outToken: string, noneToken: string) => {
    // A sync (or a webhook's patch) landing between the two requests changes both answers'
    // data: asked again, an oracle still differs, a new snapshot no longer does.
    let a, b, bodyA, bodyB;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      [a, b] = [await api.get(outside), await api.get(none)];
      bodyA = (await a.text()).split(outToken).join('<id>');
      bodyB = (await b.text()).split(noneToken).join('<id>');
      tally.answers += 2;
      if (a.status() === b.status() && bodyA === bodyB) break;
    }
    if (!a || !b || bodyA === undefined || bodyB === undefined) throw new Error('no answers compared');
    if (a.status() !== b.status() || bodyA !== bodyB) {
      tally.hits.push(
        `[${plan.name}] ${what}: ${a.status()} ${bodyA.slice(0, 120)} ≠ ${b.status()} ${bodyB.slice(0, 120)}`,
      );
    }
  };
  for (const device of ctx.outSample.slice(0, 2)) {
    for (const sort of ['hostname', 'lastSeen']) {
      const out = encodeCursor({ s: sort, i: device.id, p: 2 });
      const none = encodeCursor({ s: sort, i: NONE_ID, p: 2 });
      await same(
        'device cursor naming an out-of-scope device',
        `/api/devices?sort=${sort}&limit=3&cursor=${out}`,
        `/api/devices?sort=${sort}&limit=3&cursor=${none}`,
        out,
        none,
      );
    }
    await same('device detail', `/api/devices/${device.id}`, `/api/devices/${NONE_ID}`, device.id, NONE_ID);
  }
  for (const alert of ctx.outAlerts) {
    const out = encodeCursor({ s: 'alerts', i: alert.id, p: 1 });
    const none = encodeCursor({ s: 'alerts', i: NONE_ID, p: 1 });
    await same(
      'alert cursor naming an out-of-scope alert',
      `/api/alerts?status=all&limit=2&cursor=${out}`,
      `/api/alerts?status=all&limit=2&cursor=${none}`,
      out,
      none,
    );
  }
  for (const tag of ctx.outTags.slice(0, 2)) {
    await same(
      'tag only out-of-scope devices carry',
      `/api/devices?tag=${encodeURIComponent(tag)}`,
      '/api/devices?tag=no-such-tag-x',
      tag,
      'no-such-tag-x',
    );
  }
  for (const group of ctx.outGroups.slice(0, 1)) {
    await same(
      'group filter',
      `/api/devices?group=${group.id}`,
      `/api/devices?group=${NONE_ID}`,
      group.id,
      NONE_ID,
    );
  }
  // Fleet-wide sync figures and upstream error text are for the admin only.
  const summary = (await (await api.get('/api/fleet/summary')).json()) as {
    sync: { lastRequestCount: unknown; lastDurationMs: unknown; firstSync: unknown };
  };
  if (
    summary.sync.lastRequestCount !== null ||
    summary.sync.lastDurationMs !== null ||
    summary.sync.firstSync !== null
  ) {
    tally.hits.push(
      `[${plan.name}] /api/fleet/summary carries fleet-wide sync figures: ${JSON.stringify(summary.sync)}`,
    );
  }
  if (!plan.redact) return;
  // Search and order on a redacted link see only pseudonyms and scrubbed text.
  for (const device of ctx.inSample) {
    for (const q of [
      device.hostname,
      device.hostname.toLowerCase(),
      device.lastLoggedInUser?.split('\\').pop(),
    ]) {
      if (!q || q.length < 3 || ['root', 'admin', 'ubuntu', 'Administrator', 'svc_backup'].includes(q))
        continue;
      for (const list of ['/api/devices?', '/api/alerts?status=all&']) {
        const total = (
          (await (await api.get(`${list}q=${encodeURIComponent(q)}`)).json()) as { total: number }
        ).total;
        tally.answers += 1;
        if (total !== 0) tally.hits.push(`[${plan.name}] ${list}q=<hidden ${q}> matched ${total}`);
      }
    }
  }
  const sorted = (
    (await (await api.get('/api/devices?sort=hostname&limit=500')).json()) as { data: { hostname: string }[] }
  ).data.map((row) => row.hostname);
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const expected = [...sorted].sort(collator.compare);
  if (sorted.join('|') !== expected.join('|'))
    tally.hits.push(`[${plan.name}] sort=hostname does not follow the pseudonyms`);
}

/**
 * Acknowledges every active alert with a note naming its device and user (issue 16), so the scan
 * also proves that a link sees acknowledgements only of what it may see, and never the note when
 * it is redacted. Returns the problems, to un-acknowledge after the scan.
 */
async function acknowledgeAll(admin: APIRequestContext, base: string, truth: Truth) {
  const byId = new Map(truth.devices.map((device) => [device.id, device]));
  const active = truth.alerts.filter((alert) => !alert.resolved && byId.has(alert.deviceId));
  expect(active.length).toBeGreaterThan(10);
  for (const alert of active) {
    const device = byId.get(alert.deviceId);
    const note = `on it: ${device?.hostname ?? ''} ${device?.lastLoggedInUser ?? ''}`.slice(0, 280);
    const answer = await admin.post(`${base}/api/admin/acknowledgements`, {
      headers: origin(base),
      data: { problems: [{ kind: 'alert', alertId: alert.id }], note },
    });
    // An alert resolved since the truth was read is simply not acknowledged.
    expect([200, 404], await answer.text()).toContain(answer.status());
  }
  const shown = (
    (await (await admin.get(`${base}/api/alerts?limit=500`)).json()) as {
      data: { acknowledged: { note: string | null } | null }[];
    }
  ).data.filter((row) => row.acknowledged?.note?.startsWith('on it: '));
  expect(shown.length).toBeGreaterThan(10);
  return active.map((alert) => ({ kind: 'alert', alertId: alert.id }));
}

/** A request context that is the plan's caller: a share link opened, or a person signed in. */
async function callerFor(admin: APIRequestContext, base: string, plan: LinkPlan): Promise<APIRequestContext> {
  if (isPersonPlan(plan)) {
    const person = await createPerson(admin, base, {
      role: plan.kind === 'technician' ? 'technician' : 'viewer',
      scope: plan.scope as PersonScope,
      name: `scope-leak ${plan.name}`.slice(0, 100),
    });
    const [name = '', value = ''] = person.cookie.split(/=(.*)/s);
    const host = new URL(base).hostname;
    return playwrightRequest.newContext({
      baseURL: base,
      storageState: {
        cookies: [
          {
            name,
            value,
            domain: host,
            path: '/',
            expires: -1,
            httpOnly: true,
            secure: false,
            sameSite: 'Lax',
          },
        ],
        origins: [],
      },
    });
  }
  const created = await admin.post(`${base}/api/admin/share-links`, {
    headers: origin(base),
    data: {
      name: `scope-leak ${plan.name}`.slice(0, 100),
      kind: plan.kind,
      scope: plan.scope,
      redact: plan.redact,
      expiresInHours: 1,
      ...(plan.kind === 'report' ? { reportMonth: previousMonthKey() } : {}),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  appendFileSync(path.join(ARTIFACTS, 'share-tokens.txt'), `${token}\n`);
  const api = await playwrightRequest.newContext({
    baseURL: base,
    storageState: { cookies: [], origins: [] },
  });
  const opened = await api.get(`/s/${token}`, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  return api;
}

async function runScan(admin: APIRequestContext, base: string, engine: string): Promise<Tally> {
  const truth = await readTruth(admin, base);
  expect(truth.devices.length).toBeGreaterThan(100);
  const acknowledged = await acknowledgeAll(admin, base, truth);
  const changes = (
    (await (await admin.get(`${base}/api/history/changes?limit=500`)).json()) as {
      events: { alertName: string | null }[];
    }
  ).events;
  console.log(
    `[${engine}] fleet: ${truth.devices.length} devices, ${truth.alerts.length} alerts, ${truth.groups.length} groups, ` +
      `${changes.filter((event) => event.alertName).length} change events with alert titles`,
  );
  // Serials of parts (disks, memory) of a few devices, for the redacted links.
  const detailSerials = new Map<string, string[]>();
  const tally: Tally = { links: 0, routes: new Set(), answers: 0, bytes: 0, markerChecks: 0, hits: [] };
  for (const plan of plans(truth)) {
    const ctx = scopeOf(truth, plan, detailSerials);
    for (const device of ctx.inSample) {
      if (detailSerials.has(device.id)) continue;
      const detail = (await (await admin.get(`${base}/api/devices/${device.id}`)).json()) as {
        detail: {
          memory?: { serialNumber: string | null }[];
          disks?: { serialNumber: string | null }[];
        } | null;
      };
      const serials = [...(detail.detail?.memory ?? []), ...(detail.detail?.disks ?? [])]
        .map((part) => part.serialNumber)
        .filter((serial): serial is string => !!serial);
      detailSerials.set(device.id, serials);
    }
    const withSerials = scopeOf(truth, plan, detailSerials);
    const api = await callerFor(admin, base, plan);
    tally.links += 1;
    await scanLinkAnswers(api, withSerials, plan, tally);
    if (plan.kind !== 'report') await oracleChecks(api, withSerials, plan, tally);
    console.log(
      `[${engine}] ${plan.name}: ${withSerials.mine.length} devices in scope, ${withSerials.markers.size} markers (${withSerials.ambiguous} ambiguous dropped)`,
    );
    await api.dispose();
  }
  const routes = tally.routes.size;
  console.log(
    `[${engine}] scope-leak scan: ${tally.links} links × ${routes} GET routes, ${tally.answers} answers scanned ` +
      `(${(tally.bytes / 1e6).toFixed(1)} MB), ${tally.markerChecks} marker checks, ${tally.hits.length} hits`,
  );
  const byRoute = new Map<string, number>();
  for (const hit of tally.hits) {
    const where = /\] (?:GET )?(\/api\/[a-z/-]+)/.exec(hit)?.[1] ?? hit.split(':')[0] ?? hit;
    byRoute.set(where, (byRoute.get(where) ?? 0) + 1);
  }
  for (const [where, count] of byRoute) console.log(`  ${count} hits in ${where}`);
  for (const hit of tally.hits.slice(0, 25)) console.log(`  hit: ${hit}`);
  const removed = await admin.delete(`${base}/api/admin/acknowledgements`, {
    headers: origin(base),
    data: { problems: acknowledged },
  });
  expect([200, 404]).toContain(removed.status());
  // Zero hits means something only if the scan ran: every caller, every GET route, real answers.
  expect(tally.links).toBe(19);
  expect(routes).toBe(apiRoutes().filter((route) => route.method === 'GET').length);
  expect(tally.answers).toBeGreaterThan(tally.links * routes);
  expect(tally.markerChecks).toBeGreaterThan(tally.answers * 100);
  return tally;
}

test.describe('scope leaks', () => {
  test.describe.configure({ timeout: 180_000 });

  test('no share link or scoped person receives anything outside its scope (SQLite, the live server)', async ({
    request: admin,
  }) => {
    const tally = await runScan(admin, liveUrl, 'sqlite');
    expect(tally.hits.slice(0, 10)).toEqual([]);
  });

  let postgres: TestPostgres | undefined;
  let sim: RunningSimulator | undefined;
  let server: ServerProcess | undefined;
  test.afterAll(async () => {
    await server?.kill('SIGKILL');
    await sim?.close();
    postgres?.stop();
  });

  test('no share link or scoped person receives anything outside its scope (PostgreSQL)', async ({
    request: admin,
  }) => {
    const key = 'scope-leak-key-0123456789abcdef';
    postgres = await startTestPostgres();
    sim = await startSimulator({ devices: 300, seed: 13, apiKey: key, frozen: true, quiet: true });
    server = await startServer('scope-pg', EXTRA_PORTS[2] ?? 0, {
      LEVEL_API_KEY: key,
      LEVEL_API_URL: sim.url,
      ...SHARED_SERVER_ENV,
      DATABASE_URL: postgres.url,
      SYNC_INTERVAL_SECONDS: '5',
    });
    // A few minutes of fleet life, and alerts whose titles name their device and user in every
    // form, so change history (which keeps alert titles) carries them too.
    for (let i = 0; i < 3; i++) sim.state.tick();
    sim.state.store.devices.slice(0, 60).forEach((device, i) => {
      const host = hostForm(device, HOST_FORMS[i % HOST_FORMS.length] ?? 'exact');
      const user = userForm(device, USER_FORMS[i % USER_FORMS.length] ?? 'bare');
      sim?.state.openAlert({
        device_id: encodeId('Device', device.n),
        severity: 'critical',
        name: `Agent error on ${host}${user ? ` for ${user}` : ''}`,
      });
    });
    const before = (await (await admin.get(`${server.url}/api/fleet/summary`)).json()).syncedAt as string;
    await expect
      .poll(async () => (await (await admin.get(`${server?.url}/api/fleet/summary`)).json()).syncedAt, {
        timeout: 20_000,
      })
      .not.toBe(before);
    const tally = await runScan(admin, server.url, 'postgres');
    expect(tally.hits.slice(0, 10)).toEqual([]);
  });
});
