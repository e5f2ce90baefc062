import type { ProblemRef } from '@/lib/domain/acknowledgement';
import { PROBLEM_RANK } from '@/lib/domain/problem-order';
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

// How bad a reason is, for the hold ("newly worse than anything on screen") and the hold screen's
// order: emergency > critical > offline server/DC (issue 16's ordering rule).
// A site down (many devices of a group offline together) ranks below one offline server.
// The hold's ranks are the severity-first rule's (lib/domain/problem-order.ts): one order for
// the list, the row's tone and what may hold the wall.
export const RANK = {
  site_down: PROBLEM_RANK.site_down,
  offline: PROBLEM_RANK.offline_server,
  critical: PROBLEM_RANK.critical,
  emergency: PROBLEM_RANK.emergency,
} as const;

const offlineRank = (problem: WallProblem) => (problem.kind === 'site_down' ? RANK.site_down : RANK.offline);

/** Every current problem key with its rank. */
export function keyRanks(problems: readonly WallProblem[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const problem of problems) {
    if (problem.offline) ranks.set(offlineKey(problem.deviceId), offlineRank(problem));
    for (const alert of problem.alerts) ranks.set(alertKey(alert.id), RANK[alert.severity]);
  }
  return ranks;
}

export function problemRank(problem: WallProblem): number {
  const alerts = problem.alerts.map((alert) => RANK[alert.severity]);
  return Math.max(0, problem.offline ? offlineRank(problem) : 0, ...alerts);
}

/** Worst first, then newest: what a hold screen shows first must be what matters most. */
export function worstFirst(problems: readonly WallProblem[]): WallProblem[] {
  const at = (problem: WallProblem) => (problem.latestAt ? Date.parse(problem.latestAt) || 0 : 0);
  return [...problems].sort((a, b) => problemRank(b) - problemRank(a) || at(b) - at(a));
}

/**
 * Of the keys that just appeared, those worse than everything that was already there: only they
 * may hold the wall (a new critical among standing criticals is highlighted, not held).
 */
export function newlyWorse(
  ranks: ReadonlyMap<string, number>,
  appeared: readonly string[],
): { keys: string[]; rank: number } {
  const fresh = new Set(appeared);
  let shown = 0;
  for (const [key, rank] of ranks) if (!fresh.has(key)) shown = Math.max(shown, rank);
  const keys = appeared.filter((key) => (ranks.get(key) ?? 0) > shown);
  return { keys, rank: Math.max(0, ...keys.map((key) => ranks.get(key) ?? 0)) };
}

/** The problems that carry any of `keys`, in list order. */
export function problemsWith(problems: readonly WallProblem[], keys: readonly string[]): WallProblem[] {
  const wanted = new Set(keys);
  return problems.filter((problem) => problemKeys(problem).some((key) => wanted.has(key)));
}

/** A one-line "what": the offline state and/or the worst alert, with a count of the others. */
export function problemTitle(problem: WallProblem): string {
  const parts: string[] = [];
  if (problem.site) return `Site down · ${problem.site.offline} of ${problem.site.monitored} devices offline`;
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
