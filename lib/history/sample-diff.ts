import { FIVE_MINUTES, floorTo } from '@/lib/history/config';
import { sameMetrics, type Metrics } from '@/lib/history/metrics';
import 'server-only';

export interface LastSample {
  t: number;
  metrics: Metrics;
}

/**
 * Scopes whose sample must be written at `t`: the figures changed, or the scope has no sample yet
 * in this 5-minute bucket. The heartbeat bounds how far a reader looks back for the value in force,
 * and a scope missing from a bucket that Levelboard watched reads as "no data" (e.g. a deleted
 * group: its last figures still stand for the rest of the bucket it vanished in, no longer).
 */
export function samplesToWrite(
  current: ReadonlyMap<string, Metrics>,
  last: ReadonlyMap<string, LastSample>,
  t: number,
): string[] {
  const bucket = floorTo(t, FIVE_MINUTES);
  const scopes: string[] = [];
  for (const [scope, metrics] of current) {
    const previous = last.get(scope);
    if (!previous || previous.t < bucket || !sameMetrics(previous.metrics, metrics)) scopes.push(scope);
  }
  return scopes;
}
