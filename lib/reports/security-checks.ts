import type { SecurityTrendPoint } from '@/lib/domain/client-report';
import type { DevicePosture, PosturePoint } from '@/lib/domain/posture';

// The five security checks of the executive score (lib/reports/score.ts). A device counts only once
// Levelboard has its security fields; then an unknown answer fails its check (unknown is never good).

export function securityChecks(postures: readonly DevicePosture[]): { passed: number; total: number } {
  let passed = 0;
  let total = 0;
  for (const p of postures) {
    if (p.securitySyncedAt === null) continue;
    total += 5;
    if (p.risk === 'low' || p.risk === 'medium') passed += 1;
    if (p.antivirus === 'good') passed += 1;
    if (p.firewallEnabled === true) passed += 1;
    if (p.encrypted === true) passed += 1;
    if (p.osEndOfLife === false) passed += 1;
  }
  return { passed, total };
}

export function trendPoint(point: PosturePoint): SecurityTrendPoint {
  const f = point.figures;
  return {
    day: point.day,
    averageScore: f.securityScoreCount > 0 ? f.securityScoreSum / f.securityScoreCount : null,
    patchCompliancePct: f.patchesKnown > 0 ? (f.fullyPatched / f.patchesKnown) * 100 : null,
    highRisk: f.highRisk,
  };
}
