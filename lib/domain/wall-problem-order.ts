import {
  PROBLEM_RANK,
  reasonsOrderFacts,
  sortSeverityFirst,
  type OrderFacts,
  type ProblemKind,
} from '@/lib/domain/problem-order';
import type { WallProblem } from '@/lib/domain/wall';

// The severity-first rule (problem-order.ts) applied to the wall's problems: the server sorts its
// answer with it, the browser names a row's tone with it, so list, row and hold agree.

export interface ProblemReason {
  kind: ProblemKind;
  since: string | null;
}

/** Every reason a problem is listed, each with the kind the rule ranks. */
export function wallProblemReasons(problem: WallProblem): ProblemReason[] {
  const reasons: ProblemReason[] = problem.alerts.map((alert) => ({
    kind: alert.severity,
    since: alert.startedAt,
  }));
  // A site down carries `offline` (its devices are offline) but ranks as what it is.
  if (problem.kind === 'site_down') reasons.push({ kind: 'site_down', since: problem.site?.since ?? null });
  else if (problem.offline) reasons.push({ kind: 'offline_server', since: problem.offline.since });
  return reasons;
}

export function wallProblemFacts(problem: WallProblem): OrderFacts {
  return reasonsOrderFacts(wallProblemReasons(problem), `${problem.deviceName}\u0000${problem.deviceId}`);
}

/** The kind of a problem's worst reason (what its row is labelled). */
export function wallProblemKind(problem: WallProblem): ProblemKind {
  let worst: ProblemKind = 'information';
  for (const reason of wallProblemReasons(problem)) {
    if (PROBLEM_RANK[reason.kind] > PROBLEM_RANK[worst]) worst = reason.kind;
  }
  return worst;
}

export function sortWallProblems(problems: readonly WallProblem[]): WallProblem[] {
  return sortSeverityFirst(problems, wallProblemFacts);
}
