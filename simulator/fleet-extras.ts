import { offlineAlert, randomAlert, toAlertRecord, type AlertDraft } from '@/simulator/alert-factory';
import { AUTOMATION_TEMPLATES } from '@/simulator/catalog-automations';
import { FIRST_NAMES, LAST_NAMES } from '@/simulator/catalog-names';
import { CHURN } from '@/simulator/churn';
import { compact } from '@/simulator/compact';
import type { GroupPlan } from '@/simulator/fleet-groups';
import type { Rng } from '@/simulator/random';
import type { FleetStore } from '@/simulator/store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Active alerts for offline devices (as evolution opens them) and a random few others, plus two weeks of resolved history. */
export function seedAlerts(store: FleetStore, rng: Rng): void {
  const now = store.epochMs;
  const drafts: AlertDraft[] = [];
  for (const device of store.devices) {
    const alerting = device.role === 'workstation' ? CHURN.workstationOfflineAlert : CHURN.serverOfflineAlert;
    if (!device.online && !device.maintenance && rng.chance(alerting)) {
      drafts.push(offlineAlert(device, Math.min(now - MINUTE, device.lastSeenMs + 15 * MINUTE)));
    }
    if (rng.chance(device.online ? 0.035 : 0.01)) {
      drafts.push(randomAlert(rng, device, now - rng.int(5, 72 * 60) * MINUTE));
    }
  }
  const resolvedCount = Math.round(store.devices.length * 0.3);
  for (let i = 0; i < resolvedCount && store.devices.length > 0; i++) {
    const device = rng.pick(store.devices);
    const startedMs = now - rng.int(HOUR, 14 * DAY);
    const alert = rng.chance(0.15) ? offlineAlert(device, startedMs) : randomAlert(rng, device, startedMs);
    alert.resolved = true;
    alert.resolvedMs = Math.min(now - MINUTE, startedMs + rng.int(5 * MINUTE, 2 * DAY));
    drafts.push(alert);
  }
  // IDs grow with creation time, as they would in Level.
  drafts.sort((a, b) => a.startedMs - b.startedMs);
  for (const alert of drafts) store.addAlert(toAlertRecord(store.next.alert++, alert));
}

const FIELDS: readonly (readonly [name: string, adminOnly: boolean])[] = [
  ['screenconnect_url', false],
  ['patch_window', false],
  ['backup_policy', false],
  ['site_contact', false],
  ['asset_tag', false],
  ['bitlocker_recovery_key', true],
];

export function seedCustomFields(store: FleetStore, rng: Rng, plan: GroupPlan): void {
  const ids = new Map<string, number>();
  for (const [name, adminOnly] of FIELDS) {
    const n = store.next.customField++;
    store.addCustomField({ n, name, reference: `cf_${name}`, adminOnly });
    ids.set(name, n);
  }
  const set = (field: string, scope: 'org' | `g${number}` | `d${number}`, value: string): void => {
    store.cfValues.get(ids.get(field) ?? -1)?.set(scope, compact(value));
  };
  set('patch_window', 'org', 'Sun 02:00-04:00');
  set('backup_policy', 'org', 'Daily at 23:00');
  for (const client of plan.clients) {
    if (rng.chance(0.2))
      set('patch_window', `g${client.root.groupN}`, rng.pick(['Sat 22:00-02:00', 'Wed 01:00-03:00']));
    if (rng.chance(0.15)) set('backup_policy', `g${client.root.groupN}`, 'Hourly snapshots, nightly offsite');
    for (const site of client.sites) {
      if (rng.chance(0.4)) {
        const contact = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)} (555-01${rng.int(10, 99)})`;
        set('site_contact', `g${site.groupN}`, contact);
      }
    }
  }
  for (const device of store.devices) {
    if (device.platform !== 'Linux' && rng.chance(0.35)) {
      const guid = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
      set(
        'screenconnect_url',
        `d${device.n}`,
        `https://brightpath.screenconnect.com/Host#Access/All%20Machines//${guid}/Join`,
      );
    }
    if (rng.chance(0.1))
      set('asset_tag', `d${device.n}`, `AT-${String(rng.int(1, 99_999)).padStart(6, '0')}`);
  }
}

export function seedAutomations(store: FleetStore, rng: Rng, plan: GroupPlan): void {
  const firstClient = plan.clients[0]?.root.groupN ?? null;
  AUTOMATION_TEMPLATES.forEach((template, i) => {
    store.addAutomation({
      n: 180_090 + i,
      name: template.name,
      description: template.description,
      groupN: template.clientScoped ? firstClient : null,
      webhook: template.webhook && { token: rng.hex(32), ...template.webhook },
      steps: template.steps,
    });
  });
}
