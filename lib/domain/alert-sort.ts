// The orders an alert list can take: one list for the API's schema (lib/api/schemas/alerts.ts),
// the query that sorts (lib/fleet/queries/alert-list.ts) and the alerts page's URL state.
// `severity` is the severity-first rule (lib/domain/problem-order.ts), the default everywhere;
// `newest` is the plain time order, kept for who asks for it.

export const ALERT_SORTS = ['severity', 'newest'] as const;

export type AlertSort = (typeof ALERT_SORTS)[number];

export const ALERT_SORT_LABEL: Record<AlertSort, string> = {
  severity: 'Most severe first',
  newest: 'Newest first',
};
