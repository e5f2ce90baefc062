// Pure (no server-only): next.config.ts imports it at build time, proxy.ts per request.
// Scripts run only with the page's per-request nonce (proxy.ts sets it; Next puts it on its own
// hydration scripts) and what those scripts load ('strict-dynamic'); no inline script without
// it. Styles keep 'unsafe-inline' (React style props, chart libraries). Dev needs 'unsafe-eval'.

export const HSTS = { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' };

/** The CSP: pages get their nonce; everything else (JSON, files) allows no inline script at all. */
export function contentSecurityPolicy(dev: boolean, nonce?: string): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers for every response; `csp: false` where proxy.ts sets the CSP per request. */
export function securityHeaders(
  dev: boolean,
  options: { csp?: boolean } = {},
): { key: string; value: string }[] {
  const headers = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ];
  if (options.csp === false) return headers;
  return [{ key: 'Content-Security-Policy', value: contentSecurityPolicy(dev) }, ...headers];
}
