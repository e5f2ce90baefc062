'use client';

import { CheckGroup } from '@/components/notifications/check-group';
import { FormError } from '@/components/notifications/form-error';
import { buttonClass, inputClass, Section } from '@/components/settings/section';
import type { ClientReportSettingsResponse } from '@/lib/domain/availability-view';
import type { ClientReportSettings } from '@/lib/domain/report-settings';
import { fetchJson } from '@/lib/query/fetch-json';
import { clientReportSettingsQuery, clientReportSettingsUrl } from '@/lib/query/reports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

// One client's report settings. Numbers and lists are kept as typed text until saved; the server
// validates the whole object (lib/domain/report-settings.ts) and its message is shown as it comes.

const DAYS = [
  { value: 1, label: 'Mon' },
  { value: 2, label: 'Tue' },
  { value: 3, label: 'Wed' },
  { value: 4, label: 'Thu' },
  { value: 5, label: 'Fri' },
  { value: 6, label: 'Sat' },
  { value: 7, label: 'Sun' },
];

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...zones])];
}

interface Draft {
  timeZone: string;
  days: number[];
  from: string;
  to: string;
  servers: string;
  workstations: string;
  slaHours: 'all' | 'business';
  contacts: string;
  maintenanceDays: string;
  offlineDays: string;
}

const draftOf = (s: ClientReportSettings): Draft => ({
  timeZone: s.timeZone,
  days: [...s.businessHours.days],
  from: s.businessHours.from,
  to: s.businessHours.to,
  servers: s.slaTargets.serversPct === null ? '' : String(s.slaTargets.serversPct),
  workstations: s.slaTargets.workstationsPct === null ? '' : String(s.slaTargets.workstationsPct),
  slaHours: s.slaHours,
  contacts: s.contacts.join('\n'),
  maintenanceDays: String(s.maintenanceLongerThanDays),
  offlineDays: String(s.offlineLongerThanDays),
});

const target = (text: string) => (text.trim() === '' ? null : Number(text));

const settingsOf = (d: Draft): ClientReportSettings => ({
  timeZone: d.timeZone,
  businessHours: { days: d.days, from: d.from, to: d.to },
  slaTargets: { serversPct: target(d.servers), workstationsPct: target(d.workstations) },
  slaHours: d.slaHours,
  contacts: d.contacts
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean),
  maintenanceLongerThanDays: Number(d.maintenanceDays),
  offlineLongerThanDays: Number(d.offlineDays),
});

function Field({ label, help, children }: { label: string; help?: string; children: React.ReactNode }) {
  return (
    <label className="block min-w-0">
      <span className="text-sm font-medium">{label}</span>
      {children}
      {help ? <span className="mt-1 block text-xs text-muted">{help}</span> : null}
    </label>
  );
}

export function ClientSettingsForm({
  clientId,
  clientName,
  initial,
}: {
  clientId: string;
  clientName: string;
  initial: ClientReportSettings;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [saved, setSaved] = useState(false);
  const change = (next: Partial<Draft>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...next }));
  };
  const save = useMutation({
    mutationFn: () =>
      fetchJson<ClientReportSettingsResponse>(clientReportSettingsUrl(clientId), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(settingsOf(draft)),
      }),
    onSuccess: (answer) => {
      queryClient.setQueryData(clientReportSettingsQuery(clientId).queryKey, answer);
      void queryClient.invalidateQueries({ queryKey: ['reports', 'availability', clientId] });
      setDraft(draftOf(answer.settings));
      setSaved(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} className="space-y-6" data-testid="client-report-settings">
      <Section id="report-hours" title={`${clientName}: time and hours`}>
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            label="Time zone"
            help="Reports, business hours and incident times are read in this zone, summer time included."
          >
            <select
              value={draft.timeZone}
              onChange={(event) => change({ timeZone: event.target.value })}
              className={inputClass}
              data-testid="report-time-zone"
            >
              {timeZones(draft.timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </Field>
          <div className="space-y-2">
            <CheckGroup
              legend="Business days"
              options={DAYS}
              value={draft.days}
              onChange={(days) => change({ days })}
            />
            <div className="flex gap-3">
              <Field label="Opens">
                <input
                  type="time"
                  required
                  value={draft.from}
                  onChange={(event) => change({ from: event.target.value })}
                  className={inputClass}
                />
              </Field>
              <Field label="Closes">
                <input
                  type="time"
                  required
                  value={draft.to}
                  onChange={(event) => change({ to: event.target.value })}
                  className={inputClass}
                />
              </Field>
            </div>
            <p className="text-xs text-muted">A closing time before the opening time runs past midnight.</p>
          </div>
        </div>
      </Section>

      <Section
        id="report-sla"
        title="Availability targets (SLA)"
        description="Availability = up ÷ (up + down); maintenance is excluded. Devices below their class's target are listed with their incidents. Leave a target empty for none."
      >
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Servers and DCs (%)">
            <input
              inputMode="decimal"
              value={draft.servers}
              onChange={(event) => change({ servers: event.target.value })}
              placeholder="no target"
              className={inputClass}
              data-testid="sla-servers"
            />
          </Field>
          <Field label="Workstations (%)">
            <input
              inputMode="decimal"
              value={draft.workstations}
              onChange={(event) => change({ workstations: event.target.value })}
              placeholder="no target"
              className={inputClass}
              data-testid="sla-workstations"
            />
          </Field>
          <fieldset>
            <legend className="text-sm font-medium">Hours the SLA counts</legend>
            <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {(['all', 'business'] as const).map((value) => (
                <label key={value} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="slaHours"
                    value={value}
                    checked={draft.slaHours === value}
                    onChange={() => change({ slaHours: value })}
                  />
                  {value === 'all' ? 'All hours' : 'Business hours'}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </Section>

      <Section id="report-contacts" title="Contacts and thresholds">
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Report recipients" help="E-mail addresses, one per line (at most 20).">
            <textarea
              rows={3}
              value={draft.contacts}
              onChange={(event) => change({ contacts: event.target.value })}
              className={inputClass}
              data-testid="report-contacts"
            />
          </Field>
          <Field label="List devices in maintenance longer than (days)">
            <input
              type="number"
              min={1}
              max={365}
              value={draft.maintenanceDays}
              onChange={(event) => change({ maintenanceDays: event.target.value })}
              className={inputClass}
            />
          </Field>
          <Field label="List workstations offline longer than (days)">
            <input
              type="number"
              min={1}
              max={365}
              value={draft.offlineDays}
              onChange={(event) => change({ offlineDays: event.target.value })}
              className={inputClass}
            />
          </Field>
        </div>
      </Section>

      <div className="space-y-3">
        {save.isError ? <FormError message={save.error.message} testId="report-settings-error" /> : null}
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className={buttonClass}
            disabled={save.isPending}
            data-testid="report-settings-save"
          >
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          {saved ? (
            <span role="status" className="text-sm text-muted" data-testid="report-settings-saved">
              Saved.
            </span>
          ) : null}
        </div>
      </div>
    </form>
  );
}
