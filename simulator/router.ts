import type { Method, RouteDef } from '@/simulator/route-types';
import { alertRoutes } from '@/simulator/routes/alerts';
import { automationRoutes } from '@/simulator/routes/automations';
import { deviceRoutes } from '@/simulator/routes/devices';
import { groupRoutes } from '@/simulator/routes/groups';
import { tagRoutes } from '@/simulator/routes/tags';
import { updateRoutes } from '@/simulator/routes/updates';

export interface RouteMatch {
  readonly route: RouteDef;
  readonly param: string;
}

interface Compiled {
  readonly route: RouteDef;
  readonly segments: readonly string[];
}

const ROUTES: readonly RouteDef[] = [
  ...deviceRoutes,
  ...groupRoutes,
  ...alertRoutes,
  ...tagRoutes,
  ...updateRoutes,
  ...automationRoutes,
];

// Literal segments are tried before `{param}` ones, so /automations/webhooks never reads as an id.
const COMPILED: readonly Compiled[] = ROUTES.map((route) => ({
  route,
  segments: route.path.split('/'),
})).sort((a, b) => paramCount(a.segments) - paramCount(b.segments));

function paramCount(segments: readonly string[]): number {
  return segments.filter((s) => s.startsWith('{')).length;
}

/** Unknown paths and known paths with another method both answer 404, as Level does. */
export function matchRoute(method: string, pathname: string): RouteMatch | null {
  const parts = pathname.replace(/\/+$/, '').split('/');
  for (const { route, segments } of COMPILED) {
    if (route.method !== (method as Method) || segments.length !== parts.length) continue;
    let param = '';
    let matched = true;
    for (let i = 0; i < segments.length && matched; i++) {
      const segment = segments[i] as string;
      const part = parts[i] as string;
      if (segment.startsWith('{')) {
        param = safeDecode(part);
        matched = param !== '';
      } else matched = segment === part;
    }
    if (matched) return { route, param };
  }
  return null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}
