// bench:smoke — every benchmark once on a tiny fleet (BENCH_SMOKE=1: a second or two per phase,
// statuses and shapes only, no timing judged), so a benchmark that breaks breaks `npm test`.
// Then the negative controls: the load benches run again with every session ended on the server
// before they measure (BENCH_SABOTAGE=sessions) and must fail, naming the 401s they met — proof
// that a bench measuring refusals cannot pass. Run: npm run bench:smoke
import { spawn } from 'node:child_process';
import { root } from './support';

interface Case {
  bench: string;
  sabotage?: boolean;
}

const CASES: Case[] = [
  { bench: 'serve' },
  { bench: 'upstream' },
  { bench: 'scale' },
  { bench: 'ui' },
  { bench: 'history' },
  { bench: 'detail' },
  { bench: 'streams' },
  { bench: 'latency' },
  { bench: 'sync-budget' },
  { bench: 'notify' },
  { bench: 'serve', sabotage: true },
  { bench: 'upstream', sabotage: true },
  { bench: 'streams', sabotage: true },
];

function runBench(item: Case): Promise<{ code: number | null; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', `bench:${item.bench}`], {
      cwd: root,
      env: {
        ...process.env,
        BENCH_SMOKE: '1',
        ...(item.sabotage ? { BENCH_SABOTAGE: 'sessions' } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output, seconds: (performance.now() - started) / 1000 }));
  });
}

async function main(): Promise<number> {
  const rows = [];
  let failed = 0;
  for (const item of CASES) {
    const { code, output, seconds } = await runBench(item);
    const refused = /unexpected status 401/.test(output);
    const ok = item.sabotage ? code !== 0 && refused : code === 0;
    if (!ok) {
      failed += 1;
      console.error(
        `\n✗ bench:${item.bench}${item.sabotage ? ' (sabotaged)' : ''} — output follows\n${output}`,
      );
    }
    rows.push({
      bench: `bench:${item.bench}`,
      run: item.sabotage ? 'sessions ended before measuring' : 'smoke',
      expected: item.sabotage ? 'fails on 401' : 'exit 0',
      exit: code,
      seconds: +seconds.toFixed(1),
      verdict: ok ? 'ok' : 'WRONG',
    });
  }
  console.table(rows);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
