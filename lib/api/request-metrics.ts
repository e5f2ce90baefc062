import { metrics } from '@/lib/metrics';
import 'server-only';

// Counting every request by route and status. prom-client hashes the label set on each call;
// the children for one route are bound once, so a poll costs two plain increments.

type Record = (status: number, startedAt: number) => void;

export function metricsFor(route: string): Record {
  let counters = new Map<number, { inc(): void }>();
  let duration: { observe(seconds: number): void } | undefined;
  let boundTo: ReturnType<typeof metrics> | undefined;
  return (status, startedAt) => {
    const m = metrics();
    if (m !== boundTo) {
      // A new registry (tests make one per run) needs its own children.
      counters = new Map();
      duration = undefined;
      boundTo = m;
    }
    let counter = counters.get(status);
    if (!counter) {
      counter = m.httpRequests.labels({ route, status: String(status) });
      counters.set(status, counter);
    }
    counter.inc();
    duration ??= m.httpDuration.labels({ route });
    duration.observe((performance.now() - startedAt) / 1000);
  };
}
