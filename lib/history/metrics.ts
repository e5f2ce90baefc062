import type { MetricColumns } from '@/lib/db/schema';
import 'server-only';

// The figures kept per scope. Counts are integers in raw samples and time-weighted averages in
// rollups; the security score is kept as sum and count so that averages combine exactly.

export type Metrics = MetricColumns;

export const METRIC_KEYS = [
  'total',
  'online',
  'offline',
  'maintenance',
  'alerts_information',
  'alerts_warning',
  'alerts_critical',
  'alerts_emergency',
  'security_sum',
  'security_count',
] as const satisfies readonly (keyof Metrics)[];

export const FLEET_SCOPE = 'fleet';

export function zeroMetrics(): Metrics {
  return {
    total: 0,
    online: 0,
    offline: 0,
    maintenance: 0,
    alerts_information: 0,
    alerts_warning: 0,
    alerts_critical: 0,
    alerts_emergency: 0,
    security_sum: 0,
    security_count: 0,
  };
}

export function pickMetrics(row: Metrics): Metrics {
  const out = zeroMetrics();
  for (const key of METRIC_KEYS) out[key] = row[key];
  return out;
}

/** Equal up to float noise (averages of equal values may differ in the last bit). */
export function sameMetrics(a: Metrics, b: Metrics): boolean {
  for (const key of METRIC_KEYS) {
    const x = a[key];
    const y = b[key];
    if (x !== y && Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
  }
  return true;
}

/** target += source × weight, key by key. */
export function addWeighted(target: Metrics, source: Metrics, weight: number): void {
  for (const key of METRIC_KEYS) target[key] += source[key] * weight;
}

/** Division, not multiplication by the reciprocal: a constant value averages back to itself exactly. */
export function divided(source: Metrics, divisor: number): Metrics {
  const out = zeroMetrics();
  for (const key of METRIC_KEYS) out[key] = source[key] / divisor;
  return out;
}

export function metricsOf(all: ReadonlyMap<string, Metrics>, scope: string): Metrics {
  return all.get(scope) ?? zeroMetrics();
}
