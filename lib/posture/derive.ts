import type { DeviceSecurity } from '@/lib/domain/device';
import type {
  DevicePatchSummary,
  DevicePosture,
  DeviceRowPosture,
  PatchItem,
  PatchState,
  PostureRisk,
} from '@/lib/domain/posture';
import type { Update } from '@/lib/domain/update';

// Level's posture fields are loosely typed (REFERENCE §7.2: every member optional, free-text
// statuses), so this is where they become the few states Levelboard filters and counts on.
// Anything unrecognised is "unknown", never "good".

const DAY_MS = 86_400_000;
const MAX_ITEMS = 20;
const RISKS: readonly PostureRisk[] = ['low', 'medium', 'high', 'critical'];

export function toRisk(value: string | null | undefined): PostureRisk {
  const risk = value?.trim().toLowerCase();
  return (RISKS as readonly string[]).includes(risk ?? '') ? (risk as PostureRisk) : 'unknown';
}

/** `good` is the only healthy status Level is known to send; any other word is a problem. */
export function toAntivirus(status: string | null | undefined): DevicePosture['antivirus'] {
  const word = status?.trim().toLowerCase();
  if (!word) return 'unknown';
  return word === 'good' || word === 'ok' || word === 'enabled' ? 'good' : 'bad';
}

export const isSecurityCategory = (category: string | null): boolean =>
  category !== null && /security|critical/i.test(category);

/** A device's updates as fetched (pending and installed), summarised at `now`. */
export function summarisePatches(updates: readonly Update[], now: number): DevicePatchSummary {
  const pending = updates.filter((u) => u.available === true);
  const failed = pending.filter((u) => u.error !== null && u.error !== '');
  const installedLast30Days = updates.filter((u) => {
    if (u.available !== false || u.installedAt === null) return false;
    const at = Date.parse(u.installedAt);
    return Number.isFinite(at) && at <= now && now - at <= 30 * DAY_MS;
  }).length;
  const published = pending
    .map((u) => u.publishedAt)
    .filter((p): p is string => p !== null && Number.isFinite(Date.parse(p)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const items: PatchItem[] = [...pending]
    .sort((a, b) => {
      const failedFirst = Number(b.error !== null) - Number(a.error !== null);
      return failedFirst !== 0 ? failedFirst : publishedMs(a) - publishedMs(b);
    })
    .slice(0, MAX_ITEMS)
    .map((u) => ({
      name: u.name,
      category: u.category,
      kbIds: [...u.kbIds],
      error: u.error === '' ? null : u.error,
      publishedAt: u.publishedAt,
    }));
  return {
    pending: pending.length,
    failed: failed.length,
    securityPending: pending.filter((u) => isSecurityCategory(u.category)).length,
    installedLast30Days,
    oldestPendingAt: published[0] ?? null,
    items,
  };
}

function publishedMs(u: Update): number {
  const at = u.publishedAt === null ? Number.NaN : Date.parse(u.publishedAt);
  return Number.isFinite(at) ? at : Number.POSITIVE_INFINITY;
}

/** The posture of one device from what is stored for it; `fallbackScore` = the device's `security_score`. */
export function toDevicePosture(input: {
  security: DeviceSecurity | null;
  securitySyncedAt: number | null;
  patches: DevicePatchSummary | null;
  patchesSyncedAt: number | null;
  fallbackScore?: number | null;
}): DevicePosture {
  const s = input.security;
  const score = s?.score ?? input.fallbackScore ?? null;
  return {
    securityScore: typeof score === 'number' && Number.isFinite(score) ? score : null,
    risk: toRisk(s?.risk),
    antivirus: toAntivirus(s?.antivirusStatus),
    antivirusProvider: s?.antivirusProvider ?? null,
    firewallEnabled: s?.firewallEnabled ?? null,
    encrypted: s?.primaryPartitionEncrypted ?? null,
    osEndOfLife: s?.osEndOfLife ?? null,
    patches: input.patches,
    securitySyncedAt: s ? input.securitySyncedAt : null,
    patchesSyncedAt: input.patches ? input.patchesSyncedAt : null,
  };
}

/** One state per device for filters and colours: failed beats pending beats ok. */
export function patchState(patches: DevicePatchSummary | null): PatchState {
  if (patches === null) return 'unknown';
  if (patches.failed > 0) return 'failed';
  return patches.pending > 0 ? 'pending' : 'ok';
}

export function toRowPosture(p: DevicePosture): DeviceRowPosture {
  return {
    patch: patchState(p.patches),
    pendingUpdates: p.patches?.pending ?? null,
    failedUpdates: p.patches?.failed ?? null,
    risk: p.risk,
    antivirus: p.antivirus,
    firewallEnabled: p.firewallEnabled,
    encrypted: p.encrypted,
    osEndOfLife: p.osEndOfLife,
  };
}
