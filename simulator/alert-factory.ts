import { mentions } from '@/simulator/alert-mentions';
import {
  OFFLINE_ALERT,
  OFFLINE_DESCRIPTION,
  templatesFor,
  type AlertTemplate,
} from '@/simulator/catalog-alerts';
import { compact } from '@/simulator/compact';
import type { Rng } from '@/simulator/random';
import type { AlertRecord, AlertSeverity, DeviceRecord } from '@/simulator/types';

export type AlertDraft = { -readonly [K in Exclude<keyof AlertRecord, 'n'>]: AlertRecord[K] };

function draft(
  device: DeviceRecord,
  name: string,
  description: string,
  severity: AlertSeverity,
  startedMs: number,
  /** Templates may name the host in the title too; "Device offline" stays as evolution matches it. */
  hostInName = false,
): AlertDraft {
  const about = mentions(device, name, startedMs);
  return {
    deviceN: device.n,
    deviceHostname: device.hostname,
    name: hostInName ? `${name}${about.nameSuffix}` : name,
    description: compact(`${description}${about.sentence}`),
    payload: about.payload,
    severity,
    resolved: false,
    startedMs,
    resolvedMs: null,
  };
}

/** One literal with every field, so all alerts share a hidden class (spreads gave each its own). */
export function toAlertRecord(n: number, d: AlertDraft): AlertRecord {
  return {
    n,
    deviceN: d.deviceN,
    deviceHostname: d.deviceHostname,
    name: d.name,
    description: d.description,
    payload: d.payload,
    severity: d.severity,
    resolved: d.resolved,
    startedMs: Math.floor(d.startedMs / 1000) * 1000,
    resolvedMs: d.resolvedMs === null ? null : Math.floor(d.resolvedMs / 1000) * 1000,
  };
}

/** A server going dark is critical; a workstation switched off for the night is only a warning. */
export function offlineAlert(device: DeviceRecord, startedMs: number): AlertDraft {
  const severity = device.role === 'workstation' ? 'warning' : 'critical';
  return draft(device, OFFLINE_ALERT, OFFLINE_DESCRIPTION, severity, startedMs);
}

/** A realistic alert for this device; `severity` narrows the template choice when given. */
export function randomAlert(
  rng: Rng,
  device: DeviceRecord,
  startedMs: number,
  severity?: AlertSeverity,
): AlertDraft {
  const all = templatesFor(device.platform, device.role);
  const matching = severity === undefined ? all : all.filter((t) => t.severity === severity);
  const pool = matching.length > 0 ? matching : all;
  const template = rng.weighted(pool.map((t): readonly [AlertTemplate, number] => [t, t.weight]));
  return draft(
    device,
    template.name,
    template.describe(device.platform, rng.next()),
    severity ?? template.severity,
    startedMs,
    true,
  );
}

export function customAlert(
  rng: Rng,
  device: DeviceRecord,
  startedMs: number,
  severity: AlertSeverity,
  name: string | undefined,
  description: string | undefined,
): AlertDraft {
  if (name === undefined) {
    const base = randomAlert(rng, device, startedMs, severity);
    if (description !== undefined) base.description = compact(description);
    return base;
  }
  return draft(device, name, description ?? `${name} on ${device.hostname}`, severity, startedMs);
}
