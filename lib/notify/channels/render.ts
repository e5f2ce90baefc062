import type { MessageItem, NotificationMessage, Severity } from '@/lib/domain/notifications';
import 'server-only';

// What every format shows, worded once: the severity, where (client · site · device), since when,
// and the links. Drivers only arrange these pieces in their receiver's format.

export const SEVERITY_LABELS: Record<Severity, string> = {
  emergency: 'Emergency',
  critical: 'Critical',
  warning: 'Warning',
  information: 'Information',
};

export const LEVELBOARD_LINK = 'Open in Levelboard';
export const LEVEL_LINK = 'Open in Level';

/** "Resolved", "Still open", "Test", or null for a first announcement. */
export function messageKindLabel(message: NotificationMessage): string | null {
  switch (message.kind) {
    case 'recovery':
      return 'Resolved';
    case 'repeat':
      return 'Still open';
    case 'test':
      return 'Test';
    default:
      return null;
  }
}

/** "2026-12-07 05:31 UTC": the same for every reader, whatever their time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "Contoso · Berlin office · SRV-01", or null when the item is about Levelboard itself. */
export function itemWhere(item: MessageItem): string | null {
  const parts = [item.client, item.site, item.device].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Label/value pairs for an item, in the order every format shows them. */
export function itemFacts(item: MessageItem): { label: string; value: string }[] {
  const facts = [{ label: 'Severity', value: SEVERITY_LABELS[item.severity] }];
  if (item.client) facts.push({ label: 'Client', value: item.client });
  if (item.site) facts.push({ label: 'Site', value: item.site });
  if (item.device) facts.push({ label: 'Device', value: item.device });
  facts.push({ label: 'Since', value: formatTime(item.since) });
  if (item.resolvedAt) facts.push({ label: 'Resolved', value: formatTime(item.resolvedAt) });
  return facts;
}

export function moreText(message: NotificationMessage): string | null {
  return message.moreCount > 0 ? `…and ${message.moreCount} more in Levelboard.` : null;
}

/** The message as plain text: e-mail, ntfy and fallbacks. */
export function plainText(message: NotificationMessage): string {
  const lines: string[] = [];
  if (message.summary.trim()) lines.push(message.summary.trim(), '');
  for (const item of message.items) {
    const where = itemWhere(item);
    lines.push(`[${SEVERITY_LABELS[item.severity]}] ${item.title}`);
    if (where) lines.push(`  ${where}`);
    lines.push(
      `  Since ${formatTime(item.since)}${item.resolvedAt ? ` · resolved ${formatTime(item.resolvedAt)}` : ''}`,
    );
    lines.push(`  ${LEVELBOARD_LINK}: ${item.url}`);
    if (item.levelUrl) lines.push(`  ${LEVEL_LINK}: ${item.levelUrl}`);
    lines.push('');
  }
  const more = moreText(message);
  if (more) lines.push(more, '');
  lines.push(`${LEVELBOARD_LINK}: ${message.url}`);
  return lines.join('\n');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The message's title with what kind of message it is: "Resolved: Contoso · SRV-01 offline". */
export function headline(message: NotificationMessage): string {
  const label = messageKindLabel(message);
  return label ? `${label}: ${message.title}` : message.title;
}
