// Prints where a V8 CPU profile spent its time: the top functions by self time, and the same time
// grouped by where the code lives (a package, Node itself, Levelboard). For BENCH_PROFILE runs.
// Run: node --import tsx scripts/bench/profile-top.ts <file.cpuprofile> [rows]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function whereFrom(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  if (url.includes('.next/server')) return 'levelboard (bundled)';
  return url.split('/').slice(-2).join('/');
}

function main() {
  const [file, rowsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [rows]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)),
  );
  let total = 0;
  for (const value of self.values()) total += value;
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const place = whereFrom(frame.url, frame.functionName);
    const name = `${frame.functionName || '(anonymous)'} — ${place}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
  }
  const top = (map: Map<string, number>, rows: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([what, micros]) => ({ 'self %': +((micros / total) * 100).toFixed(1), what }));
  const rows = Number(rowsArg ?? 25);
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
  console.table(top(byPlace, 15));
  console.table(top(byFunction, rows));
}

main();
