import type { Severity } from '@/lib/domain/severity';

// The one severity-first ordering rule (docs/ARCHITECTURE.md "Definitions"): what a NOC screen
// shows first must be what matters most. The wall's problems, the hold, the alerts page, a group's
// and a device's alerts all sort with `compareSeverityFirst`.
//
//   emergency > critical > offline server/DC > site down > warning > information
//
// then, within one rank, the OLDEST first. News is announced elsewhere (the hold, the NEW marker,
// the chime, the alerts page's time filter); the list is where nothing may be forgotten, and a
// newest-first list buries exactly the long-standing outage that is most overdue (the 6-month-old
// server under "+7 more"). Oldest first also keeps rows still: a new problem joins the end of its
// rank, so the page being read does not shuffle under the viewer. The newest emergency still
// comes before every critical, so it is never far from the top.

/** Higher is worse; the gaps leave room for kinds added later. */
export const PROBLEM_RANK = {
  emergency: 50,
  critical: 40,
  offline_server: 30,
  site_down: 20,
  warning: 10,
  information: 0,
} as const;

export type ProblemKind = keyof typeof PROBLEM_RANK;

export function alertRank(severity: Severity): number {
  return PROBLEM_RANK[severity];
}

/** What the rule needs to know about one item. */
export interface OrderFacts {
  /** `PROBLEM_RANK` of the item's worst reason. */
  rank: number;
  /** When that worst reason began (ms since epoch); null when unknown (sorts after known times). */
  since: number | null;
  /** A stable tie-break (a name, then an id). */
  tie: string;
}

export function compareSeverityFirst(a: OrderFacts, b: OrderFacts): number {
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.since !== b.since) {
    if (a.since === null) return 1;
    if (b.since === null) return -1;
    return a.since - b.since;
  }
  return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0;
}

/** Sorts a copy of `items` by the rule, computing each item's facts once. */
export function sortSeverityFirst<T>(items: readonly T[], facts: (item: T) => OrderFacts): T[] {
  return items
    .map((item) => ({ item, facts: facts(item) }))
    .sort((a, b) => compareSeverityFirst(a.facts, b.facts))
    .map(({ item }) => item);
}

/** An ISO time as the rule's `since`. */
export function sinceOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** An alert's facts: its severity's rank, its start time, its id. */
export function alertOrderFacts(alert: {
  id: string;
  severity: Severity;
  startedAt: string | null;
}): OrderFacts {
  return { rank: alertRank(alert.severity), since: sinceOf(alert.startedAt), tie: alert.id };
}

/**
 * One wall problem (a device with several reasons, or a site down): its rank is its worst
 * reason's, its age the earliest start among the reasons of that rank.
 */
export function reasonsOrderFacts(
  reasons: readonly { kind: ProblemKind; since: string | null }[],
  tie: string,
): OrderFacts {
  let rank = -1;
  let since: number | null = null;
  for (const reason of reasons) {
    const value = PROBLEM_RANK[reason.kind];
    const at = sinceOf(reason.since);
    if (value > rank) {
      rank = value;
      since = at;
    } else if (value === rank && at !== null && (since === null || at < since)) {
      since = at;
    }
  }
  return { rank, since, tie };
}
