import type { PostureFigures } from '@/lib/domain/posture';
import { averageSecurityScore, patchCompliance } from '@/lib/domain/posture';

export type Tone = 'good' | 'warn' | 'bad' | 'unknown';

// Shares, not counts: one failed update on one of 400 devices is attention, not an emergency,
// and a tile that is always red tells nothing.
const BAD_SHARE = 0.1;

/** Patch tone: failed updates on over 10 % of known devices, or under 60 % fully patched, is bad. */
export function patchTone(f: PostureFigures): Tone {
  const share = patchCompliance(f);
  if (share === null) return 'unknown';
  if (f.devicesWithFailed / f.patchesKnown > BAD_SHARE || share < 0.6) return 'bad';
  return f.devicesWithFailed > 0 || share < 0.9 ? 'warn' : 'good';
}

/** Security tone: high risk or antivirus problems on over 10 % of known devices is bad; any problem warns. */
export function securityTone(f: PostureFigures): Tone {
  if (f.securityKnown === 0) return 'unknown';
  if ((f.highRisk + f.antivirusBad) / f.securityKnown > BAD_SHARE) return 'bad';
  return f.highRisk + f.antivirusBad + f.firewallOff + f.unencrypted + f.osEndOfLife > 0 ? 'warn' : 'good';
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
