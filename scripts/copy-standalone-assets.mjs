// `output: 'standalone'` leaves static assets out of .next/standalone; the server expects them beside it.
import { cpSync, existsSync } from 'node:fs';

if (!existsSync('.next/standalone/server.js')) {
  console.error('No .next/standalone/server.js: run `next build` first.');
  process.exit(1);
}
cpSync('.next/static', '.next/standalone/.next/static', { recursive: true });
if (existsSync('public')) cpSync('public', '.next/standalone/public', { recursive: true });
