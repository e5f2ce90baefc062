import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Every API route and method, read from app/api/**/route.ts, so a new route is tested the day it
// is added. Dynamic segments get a placeholder id.
export interface ApiRoute {
  path: string;
  method: string;
  /** The path with its dynamic segments as written, e.g. `/api/devices/[id]`. */
  template: string;
}

const PLACEHOLDER_ID = 'Z2lkOi8vbGV2ZWwvRGV2aWNlLzE';

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === 'route.ts' ? [full] : [];
  });
}

export function apiRoutes(): ApiRoute[] {
  const root = path.resolve('app/api');
  return routeFiles(root).flatMap((file) => {
    const segments = path.relative(root, path.dirname(file)).split(path.sep);
    const template = `/api/${segments.join('/')}`;
    const urlPath = `/api/${segments.map((segment) => (segment.startsWith('[') ? PLACEHOLDER_ID : segment)).join('/')}`;
    const source = readFileSync(file, 'utf8');
    const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      (match) => match[1] as string,
    );
    return methods.map((method) => ({ path: urlPath, method, template }));
  });
}

/**
 * Routes anyone may call: health checks, signing in or out (OIDC's two redirects too), and Level's webhook deliveries (no
 * session: a signature over the body authenticates them; e2e/webhooks.spec.ts tests the refusals).
 */
export const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  // Sign-in's second step and invite/reset links: the ticket or the link's token is the credential.
  'POST /api/auth/login/totp',
  `GET /api/auth/invite/${PLACEHOLDER_ID}`,
  `POST /api/auth/invite/${PLACEHOLDER_ID}`,
  'POST /api/webhooks/level',
]);
