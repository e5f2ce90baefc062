import type { NextConfig } from 'next';
import { randomBytes } from 'node:crypto';
import { contentSecurityPolicy, securityHeaders } from './lib/security-headers';

// One id per build. Set on process.env so every worker the build spawns (they inherit the
// environment) inlines the same value; lib/build-id.ts reads it.
process.env.LEVELBOARD_BUILD_ID ??= `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;

const nextConfig: NextConfig = {
  env: { LEVELBOARD_BUILD_ID: process.env.LEVELBOARD_BUILD_ID },
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or worker-spawning modules must stay real node_modules, not bundled copies.
  // With proxy.ts, Next copies request bodies for it; no page takes one, so keep that copy small.
  experimental: { proxyClientMaxBodySize: 64 * 1024 },
  serverExternalPackages: ['better-sqlite3', 'pg', 'pino', 'prom-client', 'playwright-core'],
  // playwright-core (client report PDFs, lib/reports/pdf.ts) reads browsers.json at load time, which
  // the standalone trace misses; every server entry may render a report (the PDF route, the report
  // link, the scheduler), so it goes with all of them.
  outputFileTracingIncludes: { '**': ['./node_modules/playwright-core/browsers.json'] },
  async headers() {
    // Pages get a CSP with a per-request nonce from proxy.ts; API answers this fixed one.
    const dev = process.env.NODE_ENV !== 'production';
    return [
      { source: '/:path*', headers: securityHeaders(dev, { csp: false }) },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy(dev) }],
      },
    ];
  },
};

export default nextConfig;
