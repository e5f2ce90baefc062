// `npm start`: install and build if needed, then run the standalone server (demo mode without a key).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureBuild, ensureDependencies, root } from './lib/prepare.mjs';

if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));

ensureDependencies();
ensureBuild();

// The standalone server changes its working directory, so relative paths are resolved here.
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? 'data'),
  PORT: process.env.PORT ?? '3000',
  HOSTNAME: process.env.HOST ?? '0.0.0.0',
};
console.log(`› Starting Levelboard on http://localhost:${env.PORT}`);
const child = spawn(process.execPath, [path.join(root, '.next/standalone/levelboard-server.js')], {
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
