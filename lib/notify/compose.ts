import {
  MAX_MESSAGE_ITEMS,
  type EventKind,
  type MessageItem,
  type MessageKind,
  type NotificationMessage,
} from '@/lib/domain/notifications';
import { severityRank } from '@/lib/domain/severity';
import type { Incident } from '@/lib/notify/plan';

// One message from one batch of incidents. A site down lists the site once: the offline lines of
// its own devices fold into it (40 servers of one site are one line, not 41).

export interface ComposeInput {
  kind: Exclude<MessageKind, 'test'>;
  ruleId: string;
  ruleName: string;
  incidents: readonly Incident[];
  /** Levelboard's address (lib/notify/public-url.ts), without a trailing slash. */
  baseUrl: string;
  now: number;
}

const PLURAL: Record<EventKind, [string, string]> = {
  alert: ['alert', 'alerts'],
  device_offline: ['device offline', 'devices offline'],
  site_down: ['site down', 'sites down'],
  client_health: ['client in poor health', 'clients in poor health'],
  level_unreachable: ['Level connection problem', 'Level connection problems'],
  wall_silent: ['wall screen silent', 'wall screens silent'],
  sync_behind: ['sync falling behind', 'sync falling behind'],
};

const count = (n: number, kind: EventKind) => `${n} ${PLURAL[kind][n === 1 ? 0 : 1]}`;

function itemOf(incident: Incident, baseUrl: string): MessageItem {
  const { detail } = incident;
  return {
    key: incident.signalKey,
    kind: detail.kind,
    severity: detail.severity,
    title: detail.title,
    client: detail.clientName,
    site: detail.groupName,
    device: detail.deviceName,
    since: new Date(incident.since).toISOString(),
    resolvedAt: incident.resolvedAt === null ? null : new Date(incident.resolvedAt).toISOString(),
    url: `${baseUrl}${detail.path}`,
    levelUrl: detail.levelUrl,
  };
}

/** The incidents a message lists: site members fold into their site; worst first, then oldest. */
export function listedIncidents(incidents: readonly Incident[]): Incident[] {
  const folded = new Set(incidents.flatMap((incident) => incident.detail.members ?? []));
  return incidents
    .filter((incident) => incident.kind !== 'device_offline' || !folded.has(incident.detail.deviceId ?? ''))
    .toSorted(
      (a, b) =>
        severityRank(b.detail.severity) - severityRank(a.detail.severity) ||
        (a.kind === 'site_down' ? -1 : 0) - (b.kind === 'site_down' ? -1 : 0) ||
        a.since - b.since ||
        (a.signalKey < b.signalKey ? -1 : 1),
    );
}

const PREFIX: Record<ComposeInput['kind'], string> = {
  trigger: '',
  repeat: 'Still open: ',
  recovery: 'Resolved: ',
};

function titleOf(
  kind: ComposeInput['kind'],
  listed: readonly Incident[],
  clients: readonly string[],
): string {
  const prefix = PREFIX[kind];
  const first = listed[0]!.detail;
  if (listed.length === 1) {
    const what = first.deviceName ?? first.groupName;
    const where = first.clientName && first.clientName !== what ? ` (${first.clientName})` : '';
    return `${prefix}${first.title}${what ? ` — ${what}` : ''}${where}`;
  }
  const noun = kind === 'recovery' ? 'problems resolved' : 'problems';
  const place =
    clients.length === 1
      ? ` at ${clients[0]}`
      : clients.length > 1
        ? ` across ${clients.length} clients`
        : '';
  return `${prefix}${listed.length} ${noun}${place}`;
}

function summaryOf(listed: readonly Incident[], all: readonly Incident[], ruleName: string): string {
  const byKind = new Map<EventKind, number>();
  for (const incident of listed)
    byKind.set(incident.detail.kind, (byKind.get(incident.detail.kind) ?? 0) + 1);
  const parts = [...byKind].map(([kind, n]) => count(n, kind));
  const folded = all.length - listed.length;
  const lines = [
    parts.join(', ') + (folded > 0 ? ` (${folded} offline devices shown under their site)` : ''),
  ];
  lines.push(`Rule: ${ruleName}`);
  return lines.join('\n');
}

function linkOf(listed: readonly Incident[], baseUrl: string, clientIds: readonly string[]): string {
  if (listed.length === 1) return `${baseUrl}${listed[0]!.detail.path}`;
  if (clientIds.length === 1) return `${baseUrl}/groups/${encodeURIComponent(clientIds[0]!)}`;
  if (listed.every((incident) => incident.kind === 'alert')) return `${baseUrl}/alerts`;
  return `${baseUrl}/`;
}

/** The message for a batch, without its id (each channel's outbox row gets its own). */
export function composeMessage(input: ComposeInput): Omit<NotificationMessage, 'id'> {
  const listed = listedIncidents(input.incidents);
  const clientIds = [...new Set(listed.flatMap((incident) => incident.detail.clientId ?? []))];
  const clients = [...new Set(listed.flatMap((incident) => incident.detail.clientName ?? []))];
  const worst = listed.reduce(
    (max, incident) => Math.max(max, severityRank(incident.detail.severity)),
    severityRank(listed[0]!.detail.severity),
  );
  const items = listed.slice(0, MAX_MESSAGE_ITEMS).map((incident) => itemOf(incident, input.baseUrl));
  return {
    kind: input.kind,
    ruleId: input.ruleId,
    ruleName: input.ruleName,
    severity: listed.find((incident) => severityRank(incident.detail.severity) === worst)!.detail.severity,
    title: titleOf(input.kind, listed, clients),
    summary: summaryOf(listed, input.incidents, input.ruleName),
    items,
    moreCount: listed.length - items.length,
    url: linkOf(listed, input.baseUrl, clientIds),
    createdAt: new Date(input.now).toISOString(),
  };
}
