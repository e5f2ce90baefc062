import type { NextConfig } from 'next';
import { randomBytes } from 'node:crypto';
import { securityHeaders } from './lib/security-headers';

// One id per build. Set on process.env so every worker the build spawns (they inherit the
// environment) inlines the same value; lib/build-id.ts reads it.
process.env.LEVELBOARD_BUILD_ID ??= `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;

const nextConfig: NextConfig = {
  env: { LEVELBOARD_BUILD_ID: process.env.LEVELBOARD_BUILD_ID },
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or worker-spawning modules must stay real node_modules, not bundled copies.
  serverExternalPackages: ['better-sqlite3', 'pg', 'pino', 'prom-client'],
  async headers() {
    // The CSP is per request (a nonce for pages): proxy.ts sets it.
    return [
      { source: '/:path*', headers: securityHeaders(process.env.NODE_ENV !== 'production', { csp: false }) },
    ];
  },
};

export default nextConfig;
