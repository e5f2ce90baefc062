// `npm test`: the whole suite (unit + end-to-end), preparing whatever a fresh clone lacks.
import { existsSync } from 'node:fs';
import { ensureChromium } from './lib/chromium.mjs';
import { runShardedE2e } from './lib/e2e-shards.mjs';
import { ensureBuild, ensureDependencies, run } from './lib/prepare.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };

ensureDependencies();
const chromium = ensureChromium();
console.log('› Unit and integration tests (vitest)');
run('npx', ['vitest', 'run'], { env });
ensureBuild();
// Every benchmark on a tiny fleet, plus the controls that must fail (npm run bench:smoke, ~1 min):
// a benchmark that gets 401s, or crashes, fails the suite here instead of printing nonsense.
if (process.argv.length <= 2) {
  console.log('› Benchmarks, smoke run (npm run bench:smoke)');
  run('npm', ['run', 'bench:smoke'], { env: { ...env, CHROMIUM_PATH: chromium } });
}
console.log('› End-to-end tests (Playwright, Chromium at ' + chromium + ')');
// The whole suite runs as two shards side by side (E2E_SHARDS=1 for one serial run); a run narrowed
// to some specs is one plain Playwright run.
const shards = Number(process.env.E2E_SHARDS ?? 2);
if (process.argv.length <= 2 && shards > 1) {
  const code = await runShardedE2e({ ...env, CHROMIUM_PATH: chromium }, shards);
  if (code !== 0) {
    console.error('\n✗ end-to-end tests failed (see the [e2e N] lines above)');
    process.exit(code);
  }
} else {
  run('npx', ['playwright', 'test', ...process.argv.slice(2)], { env: { ...env, CHROMIUM_PATH: chromium } });
}
// The short wall soak (the full one is `npm run soak:wall`, 30 minutes); skipped when the run is
// narrowed to some specs.
if (process.argv.length <= 2) {
  console.log('› Wall soak, short run (npm run soak:wall, 90 s)');
  // 90 s is mostly V8 warming up, so the short run fails on a throw, a reload or a stuck rotation
  // and only prints its growth figures; the 30-minute run judges growth.
  run('npm', ['run', 'soak:wall'], { env: { ...env, SOAK_SECONDS: '90', CHROMIUM_PATH: chromium } });
}
if (!existsSync('e2e/.artifacts')) console.warn('(no e2e artifacts were written)');
