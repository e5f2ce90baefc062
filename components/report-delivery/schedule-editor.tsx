'use client';

import { buttonClass, inputClass, secondaryButtonClass } from '@/components/settings/section';
import type { ReportScheduleView } from '@/lib/domain/report-delivery';
import type { ReportScheduleDefinition } from '@/lib/domain/report-settings';
import { sendJson } from '@/lib/query/admin';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

// Creates a schedule, or changes one (`editing`). The server checks everything again (zod) and
// answers with the field and reason, shown under the form.

const DAYS = [...Array.from({ length: 28 }, (_, i) => String(i + 1)), 'last'];
const COMMON_ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Pacific/Auckland',
];

function zones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...COMMON_ZONES, ...all])];
}

const splitAddresses = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);

export function ScheduleEditor({
  clients,
  editing,
  onDone,
}: {
  clients: { id: string; name: string }[];
  editing: ReportScheduleView | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (input: { clientId: string; definition: ReportScheduleDefinition }) =>
      editing
        ? sendJson(`/api/admin/reports/schedules/${encodeURIComponent(editing.id)}`, 'PATCH', {
            definition: input.definition,
          })
        : sendJson('/api/admin/reports/schedules', 'POST', input),
    onSuccess: () => {
      setError(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.reportSchedules() });
      onDone();
    },
    onError: (failure: Error) => setError(failure.message),
  });
  const current = editing?.definition;
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <form
      key={editing?.id ?? 'new'}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      data-testid="schedule-editor"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const day = String(form.get('dayOfMonth'));
        save.mutate({
          clientId: String(form.get('clientId')),
          definition: {
            dayOfMonth: day === 'last' ? 'last' : Number(day),
            time: String(form.get('time')),
            timeZone: String(form.get('timeZone')),
            period: form.get('period') === 'previous_week' ? 'previous_week' : 'previous_month',
            delivery: form.get('delivery') === 'link' ? 'link' : 'attachment',
            recipients: splitAddresses(String(form.get('recipients') ?? '')),
            linkDays: Number(form.get('linkDays') || 30),
          },
        });
      }}
    >
      <label>
        <span className="text-sm font-medium">Client</span>
        <select
          name="clientId"
          required
          className={inputClass}
          defaultValue={editing?.clientId}
          disabled={!!editing}
        >
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Day of the month</span>
        <select name="dayOfMonth" className={inputClass} defaultValue={String(current?.dayOfMonth ?? 4)}>
          {DAYS.map((day) => (
            <option key={day} value={day}>
              {day === 'last' ? 'Last day' : day}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Time</span>
        <input
          name="time"
          type="time"
          required
          className={inputClass}
          defaultValue={current?.time ?? '08:00'}
        />
      </label>
      <label>
        <span className="text-sm font-medium">Time zone</span>
        <select name="timeZone" className={inputClass} defaultValue={current?.timeZone ?? browserZone}>
          {zones().map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Covers</span>
        <select name="period" className={inputClass} defaultValue={current?.period ?? 'previous_month'}>
          <option value="previous_month">The previous calendar month</option>
          <option value="previous_week">The previous week (Mon–Sun)</option>
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Delivery</span>
        <select name="delivery" className={inputClass} defaultValue={current?.delivery ?? 'attachment'}>
          <option value="attachment">PDF attached</option>
          <option value="link">Report link (expiring)</option>
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Link valid for (days)</span>
        <input
          name="linkDays"
          type="number"
          min={1}
          max={90}
          className={inputClass}
          defaultValue={current?.linkDays ?? 30}
        />
      </label>
      <label className="sm:col-span-2 lg:col-span-1">
        <span className="text-sm font-medium">Recipients</span>
        <input
          name="recipients"
          className={inputClass}
          placeholder="empty = the client’s contacts"
          defaultValue={current?.recipients.join(', ') ?? ''}
        />
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass} disabled={save.isPending} data-testid="schedule-save">
          {editing ? 'Save schedule' : 'Add schedule'}
        </button>
        {editing ? (
          <button type="button" className={secondaryButtonClass} onClick={onDone}>
            Cancel
          </button>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-critical" data-testid="schedule-error">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
