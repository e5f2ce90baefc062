import type { Store } from '@/lib/db/open';
import type { PostureFigures } from '@/lib/domain/posture';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { addPosture, emptyFigures } from '@/lib/posture/figures';
import type { PostureCache } from '@/lib/posture/posture-cache';
import { writePostureSamples } from '@/lib/posture/posture-store';
import 'server-only';

export const FLEET_SCOPE = 'fleet';

/** The fleet's and every client's posture figures now, from the cache. */
export function scopeFigures(snapshot: FleetSnapshot, cache: PostureCache): Map<string, PostureFigures> {
  const postures = snapshot.devices.map((device) => cache.posture(device));
  const out = new Map<string, PostureFigures>();
  const fleet = emptyFigures();
  for (const p of postures) addPosture(fleet, p);
  out.set(FLEET_SCOPE, fleet);
  for (const clientId of snapshot.clientIds) {
    const figures = emptyFigures();
    for (const index of snapshot.subtreeDevices.get(clientId) ?? []) {
      const p = postures[index];
      if (p) addPosture(figures, p);
    }
    out.set(clientId, figures);
  }
  return out;
}

/**
 * Records the day's sample for the fleet and each client (leader only). Called repeatedly through
 * the day; the day's last call wins, so a day's point is its end-of-day state.
 */
export async function recordPostureSamples(
  store: Store,
  snapshot: FleetSnapshot,
  cache: PostureCache,
  at: number,
): Promise<number> {
  await cache.fresh();
  const samples = [...scopeFigures(snapshot, cache)].map(([scope, figures]) => ({ scope, figures }));
  await writePostureSamples(store, samples, at);
  return samples.length;
}
