import type { ReportArchiveEntry, ReportScheduleView } from '@/lib/domain/report-delivery';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import type { ArchiveRow } from '@/lib/reports/archive-store';
import { periodLabel } from '@/lib/reports/period';
import type { StoredSchedule } from '@/lib/reports/schedule-store';
import 'server-only';

// The delivery API's answers, field by field (never a spread of a stored row).

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export const clientNameOf = (snapshot: FleetSnapshot | null, clientId: string) =>
  snapshot?.groupNodes.get(clientId)?.name ?? null;

export function scheduleView(schedule: StoredSchedule, snapshot: FleetSnapshot | null): ReportScheduleView {
  return {
    id: schedule.id,
    clientId: schedule.clientId,
    clientName: clientNameOf(snapshot, schedule.clientId),
    definition: {
      dayOfMonth: schedule.definition.dayOfMonth,
      time: schedule.definition.time,
      timeZone: schedule.definition.timeZone,
      period: schedule.definition.period,
      delivery: schedule.definition.delivery,
      recipients: [...schedule.definition.recipients],
      linkDays: schedule.definition.linkDays,
    },
    enabled: schedule.enabled,
    nextRunAt: iso(schedule.nextRunAt),
    lastRunAt: iso(schedule.lastRunAt),
    createdAt: new Date(schedule.createdAt).toISOString(),
    updatedAt: new Date(schedule.updatedAt).toISOString(),
  };
}

/** `timeZone`: the client's, so the period reads as the report names it, wherever the admin is. */
export function archiveView(
  row: ArchiveRow,
  snapshot: FleetSnapshot | null,
  timeZone: string,
): ReportArchiveEntry {
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: clientNameOf(snapshot, row.clientId),
    period: { start: new Date(row.period.start).toISOString(), end: new Date(row.period.end).toISOString() },
    periodLabel: periodLabel(row.period, timeZone),
    createdAt: new Date(row.createdAt).toISOString(),
    trigger: row.trigger,
    scheduleId: row.scheduleId,
    delivery: row.delivery,
    recipients: [...row.recipients],
    status: row.status,
    error: row.error,
    shareLinkId: row.shareLinkId,
    pdfBytes: row.pdfBytes,
    pdfUrl: row.pdfBytes ? `/api/admin/reports/archive/${encodeURIComponent(row.id)}/pdf` : null,
  };
}
