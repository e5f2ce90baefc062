'use client';

import { CheckGroup } from '@/components/notifications/check-group';
import { inputClass } from '@/components/settings/section';
import type { RuleDefinition } from '@/lib/domain/notifications';

// The "when" of a rule: its time zone, business hours and quiet hours.

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

function TimeInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="block min-w-0 flex-1">
      <span className="text-xs font-medium text-muted">{label}</span>
      <input
        type="time"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
      />
    </label>
  );
}

type Hours = Pick<RuleDefinition, 'timeZone' | 'businessHours' | 'quietHours'>;

export function RuleHours({ value, onChange }: { value: Hours; onChange: (next: Partial<Hours>) => void }) {
  const business = value.businessHours;
  const quiet = value.quietHours;
  return (
    <div className="space-y-4">
      <div>
        <label className="block">
          <span className="text-sm font-medium">Time zone</span>
          <select
            name="timeZone"
            value={value.timeZone}
            onChange={(event) => onChange({ timeZone: event.target.value })}
            aria-describedby="rule-zone-help"
            className={inputClass}
          >
            {timeZones(value.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        <p id="rule-zone-help" className="mt-1 text-xs text-muted">
          Business and quiet hours are read in this zone, summer time included.
        </p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Business hours</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={business !== null}
            onChange={(event) =>
              onChange({
                businessHours: event.target.checked
                  ? { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }
                  : null,
              })
            }
            data-testid="business-hours-on"
          />
          Only notify during business hours
        </label>
        {business ? (
          <div className="space-y-2 rounded-md border border-line p-3">
            <CheckGroup
              legend="Days"
              options={DAYS}
              value={business.days}
              onChange={(days) => onChange({ businessHours: { ...business, days } })}
            />
            <div className="flex gap-3">
              <TimeInput
                label="From"
                value={business.start}
                onChange={(start) => onChange({ businessHours: { ...business, start } })}
              />
              <TimeInput
                label="To"
                value={business.end}
                onChange={(end) => onChange({ businessHours: { ...business, end } })}
              />
            </div>
          </div>
        ) : null}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Quiet hours</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={quiet !== null}
            onChange={(event) =>
              onChange({ quietHours: event.target.checked ? { start: '22:00', end: '07:00' } : null })
            }
            data-testid="quiet-hours-on"
          />
          Hold messages during quiet hours every day
        </label>
        {quiet ? (
          <div className="space-y-1 rounded-md border border-line p-3">
            <div className="flex gap-3" data-testid="quiet-hours">
              <TimeInput
                label="Quiet from"
                value={quiet.start}
                onChange={(start) => onChange({ quietHours: { ...quiet, start } })}
              />
              <TimeInput
                label="Quiet until"
                value={quiet.end}
                onChange={(end) => onChange({ quietHours: { ...quiet, end } })}
              />
            </div>
            <p className="text-xs text-muted">
              May cross midnight (22:00 to 07:00 is overnight). What is still true when quiet hours end is
              sent then.
            </p>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}
