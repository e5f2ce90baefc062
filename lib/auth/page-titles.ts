import type { Access } from '@/lib/auth/scope';
import { scopedFleet } from '@/lib/auth/scoped-fleet';
import { fleetService } from '@/lib/fleet/instance';
import { pseudonym } from '@/lib/redaction/redact';
import 'server-only';

// Tab titles for pages that show one thing (issue 16: every tab said "Device · Levelboard").
// A title is an answer like any other: it names only what this session may see, as it may see it
// (a redacted link gets the pseudonym, an id outside the scope the same title as an unknown one).

export function deviceTitle(access: Access | null, deviceId: string): string {
  if (!access) return 'Device';
  const snapshot = fleetService().current();
  if (!snapshot) return 'Device';
  const view = scopedFleet(snapshot, access);
  const device = view.deviceIdAllowed(deviceId) ? snapshot.deviceById.get(deviceId) : undefined;
  if (!device) return 'Device not found';
  return view.redact ? pseudonym(device.id) : device.displayName;
}

export function groupTitle(access: Access | null, groupId: string): string {
  if (!access) return 'Group';
  const snapshot = fleetService().current();
  if (!snapshot) return 'Group';
  if (groupId === 'ungrouped') return 'Ungrouped';
  const view = scopedFleet(snapshot, access);
  const node = view.groupAllowed(groupId) ? snapshot.groupNodes.get(groupId) : undefined;
  return node ? node.name : 'Group not found';
}
