import { isSessionLive } from '@/lib/auth/live-sessions';
import { currentShareLink } from '@/lib/auth/live-share-links';
import { readSession } from '@/lib/auth/session';
import { createShareLink, isUsable, type ShareLink } from '@/lib/auth/share-links';
import type { Store } from '@/lib/db/open';
import type { ReportPeriod } from '@/lib/domain/report';
import 'server-only';

// A report link (kind `report`) opens one client's report for one period, and its PDF, and
// nothing else: lib/auth/access.ts gives its session no role, so every other page and route
// answers it as it answers a revoked link. This is the only reader that accepts one.

const DAY = 24 * 60 * 60 * 1000;

/** Where `/s/<token>` sends a report link's session (defined with the exchange, in lib/auth). */
export { REPORT_LINK_PAGE } from '@/lib/auth/exchange';
export const REPORT_LINK_PDF = '/report-link/pdf';

export interface OpenReportLink {
  linkId: string;
  name: string;
  clientId: string;
  period: ReportPeriod;
  expiresAt: number | null;
}

export async function createReportLink(
  store: Store,
  input: { clientId: string; clientName: string; periodLabel: string; period: ReportPeriod; days: number },
  now: number,
): Promise<{ link: ShareLink; token: string }> {
  return createShareLink(
    store,
    {
      name: `Report · ${input.clientName} · ${input.periodLabel}`.slice(0, 100),
      kind: 'report',
      scope: { kind: 'group', groupId: input.clientId },
      redact: false,
      expiresAt: now + input.days * DAY,
      reportPeriod: input.period,
    },
    now,
  );
}

/** The report a link names, when it is a usable report link scoped to one client with a period. */
export function reportOfLink(link: ShareLink | null, now = Date.now()): OpenReportLink | null {
  if (!link || link.kind !== 'report' || !isUsable(link, now)) return null;
  if (link.scope.kind !== 'group' || !link.reportPeriod) return null;
  if (link.reportPeriod.end <= link.reportPeriod.start) return null;
  return {
    linkId: link.id,
    name: link.name,
    clientId: link.scope.groupId,
    period: link.reportPeriod,
    expiresAt: link.expiresAt,
  };
}

/** The report a browser's session opens, or null (no session, another kind, revoked, expired). */
export async function openReportLink(cookieHeader: string | undefined): Promise<OpenReportLink | null> {
  const session = await readSession(cookieHeader);
  if (!session || session.role !== 'link' || !(await isSessionLive(session))) return null;
  return reportOfLink(await currentShareLink(session.linkId));
}
