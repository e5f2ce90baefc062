import type { Store } from '@/lib/db/open';
import type { DevicePosture, PostureFigures, PosturePoint } from '@/lib/domain/posture';
import type { ReportPeriod } from '@/lib/domain/report';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { toDevicePosture } from '@/lib/posture/derive';
import { postureFigures } from '@/lib/posture/figures';
import { readPostureSamples, type StoredPosture } from '@/lib/posture/posture-store';
import 'server-only';

const CHUNK = 500;

async function readPosturesOf(
  store: Store,
  deviceIds: readonly string[],
): Promise<Map<string, StoredPosture>> {
  const out = new Map<string, StoredPosture>();
  for (let i = 0; i < deviceIds.length; i += CHUNK) {
    const rows = await store.db
      .selectFrom('device_posture')
      .selectAll()
      .where('device_id', 'in', deviceIds.slice(i, i + CHUNK))
      .execute();
    for (const row of rows)
      out.set(row.device_id, {
        deviceId: row.device_id,
        security: row.security === null ? null : JSON.parse(row.security),
        securitySyncedAt: row.security_synced_at === null ? null : Number(row.security_synced_at),
        patches: row.patches === null ? null : JSON.parse(row.patches),
        patchesSyncedAt: row.patches_synced_at === null ? null : Number(row.patches_synced_at),
      });
  }
  return out;
}

/**
 * A client's posture now: every device of its group tree (maintenance included), with what is
 * stored for it; a device never fetched is all-unknown. An id that is not a client (top-level
 * group) of the snapshot gives no devices.
 */
export async function readClientPosture(
  store: Store,
  snapshot: FleetSnapshot,
  clientId: string,
): Promise<{
  figures: PostureFigures;
  devices: Array<{ deviceId: string; name: string; posture: DevicePosture }>;
}> {
  const indexes = snapshot.clientIds.includes(clientId) ? (snapshot.subtreeDevices.get(clientId) ?? []) : [];
  const members = indexes.flatMap((i) => {
    const device = snapshot.devices[i];
    return device ? [device] : [];
  });
  const stored = await readPosturesOf(
    store,
    members.map((d) => d.id),
  );
  const devices = members
    .map((device) => {
      const row = stored.get(device.id);
      return {
        deviceId: device.id,
        name: device.displayName,
        posture: toDevicePosture({
          security: row?.security ?? null,
          securitySyncedAt: row?.securitySyncedAt ?? null,
          patches: row?.patches ?? null,
          patchesSyncedAt: row?.patchesSyncedAt ?? null,
          fallbackScore: device.securityScore,
        }),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { figures: postureFigures(devices.map((d) => d.posture)), devices };
}

/**
 * One point per UTC day with a sample in the period (the day's last sample), oldest first. Days
 * without a sample (Levelboard was not running) are absent, never filled in.
 */
export async function readPostureTrend(
  store: Store,
  scope: string,
  period: ReportPeriod,
): Promise<PosturePoint[]> {
  return readPostureSamples(store, scope, period.start, period.end);
}
