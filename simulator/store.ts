import { byN, dropIndex, insertSorted, pushIndex, removeSorted } from '@/simulator/sorted';
import type {
  AlertRecord,
  AutomationRecord,
  CustomFieldRecord,
  DeviceRecord,
  GroupRecord,
  RunRecord,
  TagRecord,
} from '@/simulator/types';

const MAX_RUNS = 20_000;

export type ScopeKey = 'org' | `g${number}` | `d${number}`;

/**
 * A change Level would announce with a webhook. Emitted synchronously, before a deletion takes
 * effect, so an observer can still serialise the record as it was.
 */
export type StoreChange =
  | { kind: 'alert_active' | 'alert_resolved'; alert: AlertRecord }
  | { kind: 'device_created' | 'device_updated' | 'device_deleted'; device: DeviceRecord }
  | { kind: 'group_created' | 'group_updated' | 'group_deleted'; group: GroupRecord };

/**
 * The in-memory fleet with every index kept in step. All mutation goes through these methods so a
 * device can never be in a group list but not in the group, tagged but missing from the tag, etc.
 * Every collection is an array sorted by numeric id, so list pages are a binary search plus a slice.
 */
export class FleetStore {
  readonly devices: DeviceRecord[] = [];
  readonly groups: GroupRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly tags: TagRecord[] = [];
  readonly customFields: CustomFieldRecord[] = [];
  readonly automations: AutomationRecord[] = [];
  readonly runs = new Map<number, RunRecord>();
  readonly activeAlerts = new Set<AlertRecord>();
  /** Runs not yet succeeded/failed; evolution advances them. */
  readonly unfinishedRuns = new Set<RunRecord>();
  /** custom field n → scope → explicit value. */
  readonly cfValues = new Map<number, Map<ScopeKey, string>>();
  readonly ungrouped: DeviceRecord[] = [];
  /** Deleted devices as they were, so a cursor naming one can still mark its place (listing.ts). */
  readonly removedDevices = new Map<number, DeviceRecord>();
  readonly next = { alert: 9001, group: 201, tag: 31, customField: 2290, run: 500_001 };

  /** Set by the webhook sender (simulator/index.ts); null = nobody listens, nothing is built. */
  observer: ((change: StoreChange) => void) | null = null;

  private readonly deviceMap = new Map<number, DeviceRecord>();
  private readonly groupMap = new Map<number, GroupRecord>();
  private readonly alertMap = new Map<number, AlertRecord>();
  private readonly tagMap = new Map<number, TagRecord>();
  private readonly tokenMap = new Map<string, AutomationRecord>();
  private readonly groupDevices = new Map<number, DeviceRecord[]>();
  private readonly hostnames = new Map<string, DeviceRecord[]>();
  private readonly serials = new Map<string, DeviceRecord[]>();
  private readonly deviceAlerts = new Map<number, AlertRecord[]>();

  /** `epochMs` anchors everything derived rather than stored (update dates, detail dates). */
  constructor(readonly epochMs: number) {}

  /**
   * The simulator's clock, for what is derived from time rather than stored (updates being
   * released and installed, the security posture that follows them). The server sets it to its
   * `now`; a bare store stays at its epoch.
   */
  clock: () => number = () => this.epochMs;

  device = (n: number): DeviceRecord | undefined => this.deviceMap.get(n);
  group = (n: number): GroupRecord | undefined => this.groupMap.get(n);
  alert = (n: number): AlertRecord | undefined => this.alertMap.get(n);
  tag = (n: number): TagRecord | undefined => this.tagMap.get(n);
  automation = (n: number): AutomationRecord | undefined => this.automations.find((a) => a.n === n);
  automationByToken = (token: string): AutomationRecord | undefined => this.tokenMap.get(token);

  devicesInGroup(groupN: number | null): readonly DeviceRecord[] {
    return groupN === null ? this.ungrouped : (this.groupDevices.get(groupN) ?? []);
  }
  devicesByHostname = (hostname: string): readonly DeviceRecord[] =>
    this.hostnames.get(hostname.toLowerCase()) ?? [];
  devicesBySerial = (serial: string): readonly DeviceRecord[] => this.serials.get(serial) ?? [];
  alertsOfDevice = (deviceN: number): readonly AlertRecord[] => this.deviceAlerts.get(deviceN) ?? [];

  /** The group and all its descendants, parents before children. */
  subtree(groupN: number): GroupRecord[] {
    const out: GroupRecord[] = [];
    const stack = [groupN];
    while (stack.length > 0) {
      const group = this.groupMap.get(stack.pop() as number);
      if (group === undefined) continue;
      out.push(group);
      stack.push(...group.childNs);
    }
    return out;
  }

  /** Ancestors from the group itself up to its root. */
  lineage(groupN: number | null): GroupRecord[] {
    const out: GroupRecord[] = [];
    for (let g = groupN === null ? undefined : this.groupMap.get(groupN); g;) {
      out.push(g);
      g = g.parentN === null ? undefined : this.groupMap.get(g.parentN);
    }
    return out;
  }

  /** For changes made to a record's fields directly (status flips, renames). */
  deviceUpdated(device: DeviceRecord): void {
    this.observer?.({ kind: 'device_updated', device });
  }

  groupUpdated(group: GroupRecord): void {
    this.observer?.({ kind: 'group_updated', group });
  }

  addDevice(device: DeviceRecord): void {
    insertSorted(this.devices, device, byN);
    this.deviceMap.set(device.n, device);
    this.listFor(device.groupN).push(device);
    for (const tagN of device.tagNs) {
      const tag = this.tagMap.get(tagN);
      if (tag) insertSorted(tag.devices, device, byN);
    }
    pushIndex(this.hostnames, device.hostname.toLowerCase(), device);
    if (device.serial !== null) pushIndex(this.serials, device.serial, device);
    this.observer?.({ kind: 'device_created', device });
  }

  removeDevice(device: DeviceRecord): void {
    this.observer?.({ kind: 'device_deleted', device });
    removeSorted(this.devices, device.n, byN);
    this.deviceMap.delete(device.n);
    this.removedDevices.set(device.n, device);
    removeSorted(this.listFor(device.groupN), device.n, byN);
    for (const tagN of device.tagNs) {
      const tag = this.tagMap.get(tagN);
      if (tag) removeSorted(tag.devices, device.n, byN);
    }
    dropIndex(this.hostnames, device.hostname.toLowerCase(), device);
    if (device.serial !== null) dropIndex(this.serials, device.serial, device);
    for (const alert of [...this.alertsOfDevice(device.n)]) this.removeAlert(alert);
    for (const values of this.cfValues.values()) values.delete(`d${device.n}`);
  }

  moveDevice(device: DeviceRecord, groupN: number | null): void {
    if (device.groupN === groupN) return;
    removeSorted(this.listFor(device.groupN), device.n, byN);
    device.groupN = groupN;
    insertSorted(this.listFor(groupN), device, byN);
    this.observer?.({ kind: 'device_updated', device });
  }

  /** Returns false when the device already had the tag. */
  tagDevice(device: DeviceRecord, tag: TagRecord): boolean {
    if (device.tagNs.includes(tag.n)) return false;
    // tagNs arrays are replaced, never mutated: generated devices share one empty array.
    device.tagNs = [...device.tagNs, tag.n].sort((a, b) => a - b);
    insertSorted(tag.devices, device, byN);
    return true;
  }

  /** Returns false when the device did not have the tag. */
  untagDevice(device: DeviceRecord, tag: TagRecord): boolean {
    if (!device.tagNs.includes(tag.n)) return false;
    device.tagNs = device.tagNs.filter((n) => n !== tag.n);
    removeSorted(tag.devices, device.n, byN);
    return true;
  }

  addGroup(group: GroupRecord): void {
    insertSorted(this.groups, group, byN);
    this.groupMap.set(group.n, group);
    this.groupDevices.set(group.n, []);
    if (group.parentN !== null)
      insertSorted(this.groupMap.get(group.parentN)?.childNs ?? [], group.n, Number);
    this.observer?.({ kind: 'group_created', group });
  }

  reparentGroup(group: GroupRecord, parentN: number | null): void {
    this.detachGroup(group, parentN);
    this.observer?.({ kind: 'group_updated', group });
  }

  /**
   * Direct devices become ungrouped and direct children become roots (see routes/groups.ts).
   * Announced as group_deleted first, then the moved devices and children as updates.
   */
  removeGroup(group: GroupRecord): void {
    this.observer?.({ kind: 'group_deleted', group });
    for (const device of [...this.devicesInGroup(group.n)]) this.moveDevice(device, null);
    for (const childN of [...group.childNs]) {
      const child = this.groupMap.get(childN);
      if (child) this.reparentGroup(child, null);
    }
    this.detachGroup(group, null);
    removeSorted(this.groups, group.n, byN);
    this.groupMap.delete(group.n);
    this.groupDevices.delete(group.n);
    for (const values of this.cfValues.values()) values.delete(`g${group.n}`);
    for (const automation of this.automations) if (automation.groupN === group.n) automation.groupN = null;
  }

  addTag(tag: TagRecord): void {
    insertSorted(this.tags, tag, byN);
    this.tagMap.set(tag.n, tag);
  }

  removeTag(tag: TagRecord): void {
    for (const device of tag.devices) device.tagNs = device.tagNs.filter((n) => n !== tag.n);
    removeSorted(this.tags, tag.n, byN);
    this.tagMap.delete(tag.n);
  }

  addAlert(alert: AlertRecord): void {
    insertSorted(this.alerts, alert, byN);
    this.alertMap.set(alert.n, alert);
    if (!alert.resolved) this.activeAlerts.add(alert);
    pushIndex(this.deviceAlerts, alert.deviceN, alert);
    this.observer?.({ kind: alert.resolved ? 'alert_resolved' : 'alert_active', alert });
  }

  resolveAlert(alert: AlertRecord, atMs: number): void {
    if (alert.resolved) return;
    alert.resolved = true;
    alert.resolvedMs = atMs;
    this.activeAlerts.delete(alert);
    this.observer?.({ kind: 'alert_resolved', alert });
  }

  removeAlert(alert: AlertRecord): void {
    removeSorted(this.alerts, alert.n, byN);
    this.alertMap.delete(alert.n);
    this.activeAlerts.delete(alert);
    dropIndex(this.deviceAlerts, alert.deviceN, alert);
  }

  addCustomField(field: CustomFieldRecord): void {
    insertSorted(this.customFields, field, byN);
    this.cfValues.set(field.n, new Map());
  }

  addAutomation(automation: AutomationRecord): void {
    insertSorted(this.automations, automation, byN);
    if (automation.webhook) this.tokenMap.set(automation.webhook.token, automation);
  }

  addRun(run: RunRecord): void {
    this.runs.set(run.n, run);
    if (run.status === 'pending' || run.status === 'running') this.unfinishedRuns.add(run);
    if (this.runs.size > MAX_RUNS) {
      const oldest = this.runs.keys().next();
      if (!oldest.done) {
        const dropped = this.runs.get(oldest.value);
        this.runs.delete(oldest.value);
        if (dropped) this.unfinishedRuns.delete(dropped);
      }
    }
  }

  private detachGroup(group: GroupRecord, parentN: number | null): void {
    if (group.parentN !== null)
      removeSorted(this.groupMap.get(group.parentN)?.childNs ?? [], group.n, Number);
    group.parentN = parentN;
    if (parentN !== null) insertSorted(this.groupMap.get(parentN)?.childNs ?? [], group.n, Number);
  }

  private listFor(groupN: number | null): DeviceRecord[] {
    if (groupN === null) return this.ungrouped;
    let list = this.groupDevices.get(groupN);
    if (list === undefined) {
      list = [];
      this.groupDevices.set(groupN, list);
    }
    return list;
  }
}
