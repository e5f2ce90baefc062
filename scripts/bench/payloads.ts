// The body of every route a page polls, as the admin and as a share link, at the bench's fleet
// size: what each poll costs on the wire. Every answer must be a 200, or the table means nothing.
import { gzipSync } from 'node:zlib';
import { getAs, getJsonAs, type BenchSession } from './sessions';

interface Polled {
  route: string;
  /** Who polls it and how often (lib/query/*). */
  polledBy: string;
  path: string;
}

function polledRoutes(ids: { device: string; group: string }): Polled[] {
  const since = new Date(Date.now() - 6 * 3_600_000).toISOString();
  const device = encodeURIComponent(ids.device);
  const group = encodeURIComponent(ids.group);
  return [
    { route: '/api/fleet/summary', polledBy: 'every page, 5 s', path: '/api/fleet/summary' },
    { route: '/api/auth/session', polledBy: 'every page, 15 s', path: '/api/auth/session' },
    { route: '/api/fleet/clients', polledBy: 'overview, 10 s', path: '/api/fleet/clients' },
    { route: '/api/groups', polledBy: 'groups and group pages, 10 s', path: '/api/groups' },
    {
      route: '/api/groups?view=names',
      polledBy: 'devices, device, alerts, 10 s',
      path: '/api/groups?view=names',
    },
    {
      route: '/api/history/fleet?range=24h',
      polledBy: 'overview, 60 s',
      path: '/api/history/fleet?range=24h',
    },
    {
      route: '/api/history/changes (6 h, 15)',
      polledBy: 'overview, 15 s',
      path: `/api/history/changes?since=${encodeURIComponent(since)}&limit=15`,
    },
    {
      route: '/api/devices (first page, 100)',
      polledBy: 'devices, 15 s',
      path: '/api/devices?limit=100',
    },
    {
      route: '/api/devices (next pages, 500)',
      polledBy: 'devices, 15 s per page loaded',
      path: '/api/devices?limit=500',
    },
    {
      route: '/api/devices/:id?detail=0',
      polledBy: 'device, 15 s',
      path: `/api/devices/${device}?detail=0`,
    },
    { route: '/api/devices/:id', polledBy: 'device, 60 s', path: `/api/devices/${device}` },
    {
      route: '/api/history/devices/:id?range=24h',
      polledBy: 'device, 60 s',
      path: `/api/history/devices/${device}?range=24h`,
    },
    {
      route: '/api/devices?group=:id (25)',
      polledBy: 'group, 15 s',
      path: `/api/devices?group=${group}&sort=status&limit=25`,
    },
    {
      route: '/api/history/groups/:id?range=24h',
      polledBy: 'group, 60 s',
      path: `/api/history/groups/${group}?range=24h`,
    },
    {
      route: '/api/alerts?status=active (100)',
      polledBy: 'alerts, 15 s',
      path: '/api/alerts?status=active&limit=100',
    },
    { route: '/api/wall/problems', polledBy: 'wall, 1–10 s', path: '/api/wall/problems' },
  ];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function sizes(url: string, session: BenchSession): Promise<{ raw: number; gzip: number }> {
  // Identity, so the bytes are the body itself; gzip is then what a browser's request costs.
  const body = Buffer.from(
    await (await getAs(url, session, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer(),
  );
  return { raw: body.length, gzip: gzipSync(body, { level: 6 }).length };
}

export async function payloadTable(base: string, admin: BenchSession, link: BenchSession) {
  const devices = await getJsonAs<{ data: { id: string }[] }>(
    `${base}/api/devices?limit=1&sort=-alerts`,
    admin,
  );
  const groups = await getJsonAs<{ groups: { id: string; deviceCount?: number }[] }>(
    `${base}/api/groups`,
    admin,
  );
  const ids = { device: devices.data[0]?.id ?? '', group: groups.groups[0]?.id ?? '' };
  if (!ids.device || !ids.group) throw new Error('the fleet has no device or no group to measure');
  const rows = [];
  for (const polled of polledRoutes(ids)) {
    const asAdmin = await sizes(`${base}${polled.path}`, admin);
    const asLink = await sizes(`${base}${polled.path}`, link);
    rows.push({
      route: polled.route,
      'polled by': polled.polledBy,
      'admin (raw)': kb(asAdmin.raw),
      'admin (gzip)': kb(asAdmin.gzip),
      'share link (raw)': kb(asLink.raw),
      'share link (gzip)': kb(asLink.gzip),
    });
  }
  return rows;
}
