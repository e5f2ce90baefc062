import { alertProblemKey, noAcknowledgements, type AcknowledgementOf } from '@/lib/domain/acknowledgement';
import type { AlertSort } from '@/lib/domain/alert-sort';
import { NotFoundError } from '@/lib/domain/errors';
import type { AlertRow, Page } from '@/lib/domain/fleet';
import type { Alert, Device, Severity } from '@/lib/domain/level';
import { alertOrderFacts, compareSeverityFirst } from '@/lib/domain/problem-order';
import { decodeCursor, encodeCursor } from '@/lib/fleet/queries/cursor';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { hiddenNamesOf, redactAlertRow } from '@/lib/redaction/redact';
import 'server-only';

/** What an alert list may ask for; lib/api/schemas/alerts.ts parses a URL into one. */
export interface AlertListQuery {
  status: 'active' | 'resolved' | 'all';
  severity?: Severity[];
  /** A group id (its whole subtree), or `ungrouped`. */
  group?: string;
  device?: string;
  /** ISO 8601: alerts that changed at or after it. */
  since?: string;
  q?: string;
  /** `severity` (the default): the severity-first rule; `newest`: by event time. */
  sort?: AlertSort;
  cursor?: string;
  limit: number;
}

/** When the alert last changed: resolution time for resolved alerts, start time otherwise. */
export function alertEventTime(alert: Alert): number {
  return Date.parse((alert.resolved ? alert.resolvedAt : alert.startedAt) ?? '') || 0;
}

const byTime = (a: Alert, b: Alert) => alertEventTime(b) - alertEventTime(a) || (a.id < b.id ? -1 : 1);

/**
 * Active alerts by the severity-first rule (lib/domain/problem-order.ts), then the resolved ones,
 * latest resolution first: a resolved alert is history, whatever its severity was.
 */
export function compareAlertsSeverityFirst(a: Alert, b: Alert): number {
  if (a.resolved !== b.resolved) return a.resolved ? 1 : -1;
  if (a.resolved) return byTime(a, b);
  return compareSeverityFirst(alertOrderFacts(a), alertOrderFacts(b));
}

const ORDERS: Record<AlertSort, (a: Alert, b: Alert) => number> = {
  severity: compareAlertsSeverityFirst,
  newest: byTime,
};
/** Cursor names; `alerts` stays the default's so cursors keep their meaning. */
const CURSOR_SORT: Record<AlertSort, string> = { severity: 'alerts', newest: 'alerts-newest' };

const sorted = new WeakMap<FleetSnapshot, Partial<Record<AlertSort, Alert[]>>>();

function ordered(snapshot: FleetSnapshot, sort: AlertSort): Alert[] {
  let lists = sorted.get(snapshot);
  if (!lists) {
    lists = {};
    sorted.set(snapshot, lists);
  }
  let list = lists[sort];
  if (!list) {
    list = [...snapshot.activeAlerts, ...snapshot.recentResolvedAlerts].sort(ORDERS[sort]);
    lists[sort] = list;
  }
  return list;
}

export function toAlertRow(
  snapshot: FleetSnapshot,
  alert: Alert,
  acknowledgementOf: AcknowledgementOf = noAcknowledgements,
): AlertRow {
  const device = snapshot.deviceById.get(alert.deviceId);
  const node = device?.groupId ? snapshot.groupNodes.get(device.groupId) : undefined;
  return {
    id: alert.id,
    deviceId: alert.deviceId,
    deviceHostname: alert.deviceHostname ?? device?.hostname ?? null,
    name: alert.name,
    description: alert.description,
    severity: alert.severity,
    resolved: alert.resolved,
    startedAt: alert.startedAt,
    resolvedAt: alert.resolvedAt,
    groupId: node?.id ?? null,
    clientName: node ? (snapshot.groupNodes.get(node.clientId)?.name ?? null) : null,
    acknowledged: alert.resolved ? null : acknowledgementOf(alertProblemKey(alert.id)),
  };
}

const redactedSearch = new WeakMap<FleetSnapshot, Map<string, string>>();

/**
 * What a redacted link may search in an alert: the texts it is shown (scrubbed) and the
 * pseudonym, never the raw text, or a hidden name could be guessed one character at a time.
 */
function redactedSearchText(snapshot: FleetSnapshot, alert: Alert): string {
  let perSnapshot = redactedSearch.get(snapshot);
  if (!perSnapshot) {
    perSnapshot = new Map();
    redactedSearch.set(snapshot, perSnapshot);
  }
  let text = perSnapshot.get(alert.id);
  if (text === undefined) {
    const row = redactAlertRow(
      toAlertRow(snapshot, alert),
      hiddenNamesOf(snapshot.deviceById.get(alert.deviceId)),
    );
    text = `${row.name}\u0000${row.description ?? ''}\u0000${row.deviceHostname ?? ''}`.toLowerCase();
    perSnapshot.set(alert.id, text);
  }
  return text;
}

export function listAlerts(
  snapshot: FleetSnapshot,
  query: AlertListQuery,
  deviceAllowed: (device: Device) => boolean = () => true,
  redact = false,
  acknowledgementOf: AcknowledgementOf = noAcknowledgements,
): Omit<Page<AlertRow>, 'syncedAt' | 'stale'> {
  const checks: ((alert: Alert, device: Device | undefined) => boolean)[] = [
    (_alert, device) => device !== undefined && deviceAllowed(device),
  ];
  if (query.status !== 'all') checks.push((alert) => alert.resolved === (query.status === 'resolved'));
  if (query.severity) {
    const wanted = new Set<string>(query.severity);
    checks.push((alert) => wanted.has(alert.severity));
  }
  if (query.device) {
    const device = snapshot.deviceById.get(query.device);
    if (!device || !deviceAllowed(device)) throw new NotFoundError(`No device with id "${query.device}".`);
    checks.push((alert) => alert.deviceId === query.device);
  }
  if (query.group === 'ungrouped') {
    checks.push((_alert, device) => !device?.groupId || !snapshot.groupNodes.has(device.groupId));
  } else if (query.group) {
    const members = snapshot.subtreeDevices.get(query.group);
    if (!members) throw new NotFoundError(`No group with id "${query.group}".`);
    const ids = new Set(members.map((index) => snapshot.devices[index]?.id));
    checks.push((alert) => ids.has(alert.deviceId));
  }
  if (query.since) {
    const since = Date.parse(query.since);
    checks.push((alert) => alertEventTime(alert) >= since);
  }
  if (query.q) {
    const needle = query.q.toLowerCase();
    checks.push((alert) =>
      redact
        ? redactedSearchText(snapshot, alert).includes(needle)
        : `${alert.name}\u0000${alert.deviceHostname ?? ''}`.toLowerCase().includes(needle),
    );
  }

  const sort = query.sort ?? 'severity';
  const all = ordered(snapshot, sort);
  let start = 0;
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, CURSOR_SORT[sort]);
    // Only an alert this caller may see anchors the cursor: a hand-made cursor naming another
    // client's alert must page exactly like one naming no alert at all.
    const position = all.findIndex(
      (alert) => alert.id === cursor.i && checks[0]?.(alert, snapshot.deviceById.get(alert.deviceId)),
    );
    start = (position === -1 ? cursor.p : position) + 1;
  }
  const data: AlertRow[] = [];
  let total = 0;
  let skipped = 0;
  let last: { id: string; position: number } | null = null;
  all.forEach((alert, position) => {
    if (!checks.every((check) => check(alert, snapshot.deviceById.get(alert.deviceId)))) return;
    total += 1;
    if (position < start) {
      skipped += 1;
      return;
    }
    if (data.length >= query.limit) return;
    const row = toAlertRow(snapshot, alert, acknowledgementOf);
    data.push(redact ? redactAlertRow(row, hiddenNamesOf(snapshot.deviceById.get(alert.deviceId))) : row);
    last = { id: alert.id, position };
  });
  const end = last as { id: string; position: number } | null;
  const more = end !== null && total - skipped > data.length;
  return {
    data,
    total,
    nextCursor: more && end ? encodeCursor({ s: CURSOR_SORT[sort], i: end.id, p: end.position }) : null,
  };
}
