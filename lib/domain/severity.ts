// Level's alert severities, lowest first, so an index comparison orders them.
export const SEVERITIES = ['information', 'warning', 'critical', 'emergency'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** 0 for `information` … 3 for `emergency`; higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
