// Shared by `npm start` and `npm test`: installs and builds only what is missing or out of date,
// using Node built-ins only (it runs before node_modules exists on a fresh clone).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');

const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'instrumentation.ts',
  'next.config.ts',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
];

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

// better-sqlite3 compiles from source here: the prebuilt download and node-gyp's header download
// both need the open internet, which many self-hosting machines (and CI) do not have.
export const npmEnv = {
  ...process.env,
  npm_config_build_from_source: 'true',
  ...(existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {}),
  NEXT_TELEMETRY_DISABLED: '1',
};

function newestMtime(target) {
  const full = path.join(root, target);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name.endsWith('.test.ts') || entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('› Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund'], { env: npmEnv });
}

export function ensureBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const server = path.join(root, '.next', 'standalone', 'levelboard-server.js');
  const fresh =
    existsSync(buildId) &&
    existsSync(server) &&
    statSync(buildId).mtimeMs >= Math.max(...BUILD_INPUTS.map(newestMtime));
  if (fresh) return;
  console.log('› Building Levelboard (next build)…');
  run('npm', ['run', 'build'], { env: npmEnv });
}
