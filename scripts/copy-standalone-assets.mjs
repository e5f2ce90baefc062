// `output: 'standalone'` leaves static assets out of .next/standalone; the server expects them beside it.
// Levelboard's production entry (levelboard-server.js) wraps Next's generated server.js.
import { cpSync, existsSync } from 'node:fs';

if (!existsSync('.next/standalone/server.js')) {
  console.error('No .next/standalone/server.js: run `next build` first.');
  process.exit(1);
}
cpSync('.next/static', '.next/standalone/.next/static', { recursive: true });
cpSync('server/levelboard-server.cjs', '.next/standalone/levelboard-server.js');
if (existsSync('public')) cpSync('public', '.next/standalone/public', { recursive: true });
