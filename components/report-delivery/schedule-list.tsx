'use client';

import { secondaryButtonClass } from '@/components/settings/section';
import type { ReportScheduleView } from '@/lib/domain/report-delivery';
import { sendJson } from '@/lib/query/admin';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** A run as the schedule's own clock reads it (the description names the zone). */
function when(iso: string | null, timeZone: string, none: string): string {
  if (!iso) return none;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

export function describeSchedule(schedule: ReportScheduleView): string {
  const d = schedule.definition;
  const day = d.dayOfMonth === 'last' ? 'the last day' : `the ${d.dayOfMonth}${ordinal(d.dayOfMonth)}`;
  const covers = d.period === 'previous_week' ? 'previous week' : 'previous month';
  return `Monthly on ${day} at ${d.time} ${d.timeZone} · ${covers} · ${d.delivery === 'link' ? `link (${d.linkDays} d)` : 'PDF attached'}`;
}

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

export function ScheduleList({
  schedules,
  onEdit,
}: {
  schedules: ReportScheduleView[];
  onEdit: (schedule: ReportScheduleView) => void;
}) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.reportSchedules() });
  const toggle = useMutation({
    mutationFn: (s: ReportScheduleView) =>
      sendJson(`/api/admin/reports/schedules/${encodeURIComponent(s.id)}`, 'PATCH', { enabled: !s.enabled }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (s: ReportScheduleView) =>
      sendJson(`/api/admin/reports/schedules/${encodeURIComponent(s.id)}`, 'DELETE'),
    onSuccess: refresh,
  });
  if (schedules.length === 0) return <p className="text-sm text-muted">No schedules yet.</p>;
  return (
    <ul className="divide-y divide-line" data-testid="schedule-list">
      {schedules.map((schedule) => (
        <li
          key={schedule.id}
          className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3"
          data-testid="schedule-row"
        >
          <div className="min-w-0 basis-full sm:flex-1 sm:basis-auto">
            <p className="font-medium">
              {schedule.clientName ?? <span className="text-muted">Client no longer exists</span>}
              {schedule.enabled ? null : <span className="ml-2 text-xs text-muted uppercase">paused</span>}
            </p>
            <p className="text-sm text-muted">{describeSchedule(schedule)}</p>
            <p className="text-sm text-muted">
              To{' '}
              {schedule.definition.recipients.length
                ? schedule.definition.recipients.join(', ')
                : 'the client’s contacts'}
              {' · '}next {when(schedule.nextRunAt, schedule.definition.timeZone, '—')} · last{' '}
              {when(schedule.lastRunAt, schedule.definition.timeZone, 'never')}
            </p>
          </div>
          <div className="flex gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => onEdit(schedule)}>
              Edit
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => toggle.mutate(schedule)}
              disabled={toggle.isPending}
            >
              {schedule.enabled ? 'Pause' : 'Resume'}
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => remove.mutate(schedule)}
              disabled={remove.isPending}
              aria-label={`Delete the schedule of ${schedule.clientName ?? schedule.clientId}`}
            >
              Delete
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
