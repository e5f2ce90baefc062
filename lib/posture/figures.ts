import type { DevicePosture, PostureFigures } from '@/lib/domain/posture';
import { isHighRisk } from '@/lib/domain/posture';

export function emptyFigures(): PostureFigures {
  return {
    devices: 0,
    securityKnown: 0,
    securityScoreSum: 0,
    securityScoreCount: 0,
    highRisk: 0,
    antivirusBad: 0,
    antivirusUnknown: 0,
    firewallOff: 0,
    unencrypted: 0,
    osEndOfLife: 0,
    patchesKnown: 0,
    fullyPatched: 0,
    pendingUpdates: 0,
    failedUpdates: 0,
    securityPendingUpdates: 0,
    devicesWithFailed: 0,
    oldestPendingAt: null,
  };
}

/** Adds one device's posture into `into` (mutates; used in loops over thousands of devices). */
export function addPosture(into: PostureFigures, p: DevicePosture): PostureFigures {
  into.devices += 1;
  if (p.securitySyncedAt !== null) {
    into.securityKnown += 1;
    if (isHighRisk(p.risk)) into.highRisk += 1;
    if (p.antivirus === 'bad') into.antivirusBad += 1;
    if (p.antivirus === 'unknown') into.antivirusUnknown += 1;
    if (p.firewallEnabled === false) into.firewallOff += 1;
    if (p.encrypted === false) into.unencrypted += 1;
    if (p.osEndOfLife === true) into.osEndOfLife += 1;
  }
  if (p.securityScore !== null) {
    into.securityScoreSum += p.securityScore;
    into.securityScoreCount += 1;
  }
  const patches = p.patches;
  if (patches !== null) {
    into.patchesKnown += 1;
    if (patches.pending === 0) into.fullyPatched += 1;
    into.pendingUpdates += patches.pending;
    into.failedUpdates += patches.failed;
    into.securityPendingUpdates += patches.securityPending;
    if (patches.failed > 0) into.devicesWithFailed += 1;
    const oldest = patches.oldestPendingAt;
    if (
      oldest !== null &&
      (into.oldestPendingAt === null || Date.parse(oldest) < Date.parse(into.oldestPendingAt))
    )
      into.oldestPendingAt = oldest;
  }
  return into;
}

export function postureFigures(postures: Iterable<DevicePosture>): PostureFigures {
  const figures = emptyFigures();
  for (const p of postures) addPosture(figures, p);
  return figures;
}

export { averageSecurityScore, patchCompliance } from '@/lib/domain/posture';
