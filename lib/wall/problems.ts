import type { ProblemRef } from '@/lib/domain/acknowledgement';
import type { WallProblem } from '@/lib/domain/wall';
import { wallProblemKind } from '@/lib/domain/wall-problem-order';

// Problem identity on the wall: each reason a device is listed is one key, so a second critical
// alert on an already-listed device is news too.

export type ProblemTone = 'emergency' | 'critical' | 'offline';

export const offlineKey = (deviceId: string) => `offline:${deviceId}`;
export const alertKey = (alertId: string) => `alert:${alertId}`;

export function problemKeys(problem: WallProblem): string[] {
  const keys = problem.alerts.map((alert) => alertKey(alert.id));
  if (problem.offline) keys.unshift(offlineKey(problem.deviceId));
  return keys;
}

export function allProblemKeys(problems: readonly WallProblem[]): string[] {
  return problems.flatMap(problemKeys);
}

/** The worst reason by the severity-first rule: the row's label agrees with its place. */
export function problemTone(problem: WallProblem): ProblemTone {
  const kind = wallProblemKind(problem);
  return kind === 'emergency' || kind === 'critical' ? kind : 'offline';
}

/** The problems that carry any of `keys`, in list order. */
export function problemsWith(problems: readonly WallProblem[], keys: readonly string[]): WallProblem[] {
  const wanted = new Set(keys);
  return problems.filter((problem) => problemKeys(problem).some((key) => wanted.has(key)));
}

/** A one-line "what": the offline state and/or the worst alert, with a count of the others. */
export function problemTitle(problem: WallProblem): string {
  const parts: string[] = [];
  if (problem.offline)
    parts.push(problem.role === 'domain_controller' ? 'Domain controller offline' : 'Server offline');
  const [worst, ...others] = problem.alerts;
  if (worst) parts.push(others.length ? `${worst.name} (+${others.length} more)` : worst.name);
  return parts.join(' · ');
}

/** The keys of every acknowledged reason: they hold no wall and chime on none. */
export function acknowledgedKeys(problems: readonly WallProblem[]): Set<string> {
  const keys = new Set<string>();
  for (const problem of problems) {
    if (problem.offline?.acknowledged) keys.add(offlineKey(problem.deviceId));
    for (const alert of problem.alerts) if (alert.acknowledged) keys.add(alertKey(alert.id));
  }
  return keys;
}

/** What the admin API is asked to acknowledge for these wall keys. */
export function problemRefsOf(keys: readonly string[]): ProblemRef[] {
  return keys.flatMap((key): ProblemRef[] => {
    if (key.startsWith('alert:')) return [{ kind: 'alert', alertId: key.slice('alert:'.length) }];
    if (key.startsWith('offline:')) return [{ kind: 'offline', deviceId: key.slice('offline:'.length) }];
    return [];
  });
}
