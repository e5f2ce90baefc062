import {
  CLASS_LABEL,
  formatAvailability,
  formatDuration,
  formatInZone,
} from '@/components/reports/availability-format';
import type {
  AvailabilityTime,
  ClassAvailability,
  ClientAvailability,
  DeviceAvailability,
} from '@/lib/domain/availability';
import clsx from 'clsx';
import { CheckCircle2, CircleHelp, XCircle } from 'lucide-react';

// A client's availability per class against its targets, with the devices that missed them and
// their incidents. Presentational only (no data fetching, no hooks): the group page, the report
// page and the PDF render the same markup.

const PARTS = [
  { key: 'upMs', label: 'Up', className: 'bg-online' },
  { key: 'downMs', label: 'Down', className: 'bg-offline' },
  { key: 'maintenanceMs', label: 'Maintenance', className: 'bg-maintenance' },
  { key: 'unknownMs', label: 'Not watched', className: 'bg-line' },
] as const;

function TimeBar({ time, label }: { time: AvailabilityTime; label: string }) {
  const total = time.upMs + time.downMs + time.maintenanceMs + time.unknownMs;
  if (total <= 0) return null;
  return (
    <div>
      <div
        className="flex h-2 overflow-hidden rounded-full bg-sunken"
        role="img"
        aria-label={`${label}: ${PARTS.map((part) => `${part.label.toLowerCase()} ${formatDuration(time[part.key])}`).join(', ')}`}
      >
        {PARTS.map((part) =>
          time[part.key] > 0 ? (
            <div
              key={part.key}
              className={part.className}
              style={{ width: `${(time[part.key] / total) * 100}%`, minWidth: '2px' }}
            />
          ) : null,
        )}
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-0.5 text-xs text-muted sm:grid-cols-4">
        {PARTS.map((part) => (
          <div key={part.key} className="flex items-center gap-1.5">
            <span aria-hidden className={clsx('inline-block size-2 rounded-full', part.className)} />
            <dt>{part.label}</dt>
            <dd className="ml-auto font-medium text-ink tabular-nums sm:ml-1">
              {formatDuration(time[part.key])}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Verdict({ entry }: { entry: ClassAvailability }) {
  if (entry.targetPct === null) return <span className="text-xs text-muted">No target set</span>;
  if (entry.availabilityPct === null)
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted">
        <CircleHelp aria-hidden className="size-3.5" /> Target {entry.targetPct} %: nothing measured
      </span>
    );
  const met = entry.breaches.length === 0 && entry.availabilityPct >= entry.targetPct;
  return met ? (
    <span className="inline-flex items-center gap-1 text-xs font-medium" data-testid="sla-met">
      <CheckCircle2 aria-hidden className="size-3.5 text-online" /> Target {entry.targetPct} % met
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 text-xs font-medium" data-testid="sla-missed">
      <XCircle aria-hidden className="size-3.5 text-critical" /> Target {entry.targetPct} % missed by{' '}
      {entry.breaches.length} device{entry.breaches.length === 1 ? '' : 's'}
    </span>
  );
}

function Breach({
  device,
  timeZone,
  maxIncidents,
}: {
  device: DeviceAvailability;
  timeZone: string;
  maxIncidents: number;
}) {
  const shown = device.incidents.slice(0, maxIncidents);
  const more = device.incidents.length - shown.length;
  return (
    <li className="border-t border-line py-2 first:border-t-0" data-testid="sla-breach">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="font-medium break-all">{device.name}</span>
        <span className="text-sm tabular-nums">
          {formatAvailability(device.availabilityPct)}
          <span className="text-muted"> · down {formatDuration(device.downMs)}</span>
        </span>
      </div>
      {shown.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-xs text-muted">
          {shown.map((incident) => (
            <li key={incident.start} className="tabular-nums">
              {formatInZone(incident.start, timeZone)} – {formatInZone(incident.end, timeZone)} ·{' '}
              {formatDuration(incident.durationMs)}
              {incident.ongoing ? <span className="ml-1 font-medium text-ink">(ongoing)</span> : null}
            </li>
          ))}
          {more > 0 ? <li>and {more} more</li> : null}
        </ul>
      ) : null}
    </li>
  );
}

function ClassBlock({
  entry,
  timeZone,
  maxBreaches,
  maxIncidents,
}: {
  entry: ClassAvailability;
  timeZone: string;
  maxBreaches: number;
  maxIncidents: number;
}) {
  const label = CLASS_LABEL[entry.deviceClass];
  const shown = entry.breaches.slice(0, maxBreaches);
  return (
    <div
      className="min-w-0 space-y-3 rounded-lg border border-line p-3"
      data-testid={`availability-${entry.deviceClass}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">
          {label} <span className="font-normal text-muted">({entry.devices})</span>
        </h3>
        <Verdict entry={entry} />
      </div>
      <p
        className="text-3xl font-semibold tabular-nums"
        data-testid={`availability-${entry.deviceClass}-pct`}
      >
        {formatAvailability(entry.availabilityPct)}
      </p>
      <TimeBar time={entry} label={label} />
      {shown.length > 0 ? (
        <div>
          <h4 className="text-xs font-semibold tracking-wide text-muted uppercase">Below target</h4>
          <ul className="mt-1">
            {shown.map((device) => (
              <Breach key={device.deviceId} device={device} timeZone={timeZone} maxIncidents={maxIncidents} />
            ))}
          </ul>
          {entry.breaches.length > shown.length ? (
            <p className="text-xs text-muted">and {entry.breaches.length - shown.length} more devices</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function AvailabilityPanel({
  availability,
  maxBreaches = 10,
  maxIncidents = 5,
}: {
  availability: ClientAvailability;
  /** Devices listed per class (the report may list all). */
  maxBreaches?: number;
  /** Incidents listed per device. */
  maxIncidents?: number;
}) {
  const { timeZone } = availability;
  return (
    <div className="space-y-3" data-testid="availability-panel">
      <p className="text-xs text-muted">
        {formatInZone(availability.start, timeZone)} – {formatInZone(availability.end, timeZone)} ({timeZone})
        · {availability.hours === 'business' ? 'business hours' : 'all hours'} · availability = up ÷ (up +
        down); maintenance excluded; time Levelboard was not watching is shown, never counted as up.
      </p>
      <div className="grid items-start gap-3 md:grid-cols-2">
        <ClassBlock
          entry={availability.classes.server}
          timeZone={timeZone}
          maxBreaches={maxBreaches}
          maxIncidents={maxIncidents}
        />
        <ClassBlock
          entry={availability.classes.workstation}
          timeZone={timeZone}
          maxBreaches={maxBreaches}
          maxIncidents={maxIncidents}
        />
      </div>
    </div>
  );
}
