import type { PostureFigures } from '@/lib/domain/posture';
import { averageSecurityScore, patchCompliance } from '@/lib/domain/posture';

export type Tone = 'good' | 'warn' | 'bad' | 'unknown';

/** Patch tone: any failed update is bad; compliance under 80 % warns. */
export function patchTone(f: PostureFigures): Tone {
  const share = patchCompliance(f);
  if (share === null) return 'unknown';
  if (f.failedUpdates > 0 || share < 0.6) return 'bad';
  return share < 0.8 ? 'warn' : 'good';
}

/** Security tone: high risk or antivirus problems are bad; firewall, encryption or EOL warn. */
export function securityTone(f: PostureFigures): Tone {
  if (f.securityKnown === 0) return 'unknown';
  if (f.highRisk > 0 || f.antivirusBad > 0) return 'bad';
  return f.firewallOff > 0 || f.unencrypted > 0 || f.osEndOfLife > 0 ? 'warn' : 'good';
}

/** Dot colours; the words beside them carry the meaning (colour alone never does). */
export const TONE_DOT: Record<Tone, string> = {
  good: 'bg-online',
  warn: 'bg-warning',
  bad: 'bg-offline',
  unknown: 'bg-line',
};

export const TONE_WORD: Record<Tone, string> = {
  good: 'OK',
  warn: 'Attention',
  bad: 'Problem',
  unknown: 'Unknown',
};

export const TONE_RANK: Record<Tone, number> = { bad: 0, warn: 1, unknown: 2, good: 3 };

export const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
export const score = (f: PostureFigures) => {
  const avg = averageSecurityScore(f);
  return avg === null ? '—' : String(Math.round(avg));
};
export { patchCompliance };
