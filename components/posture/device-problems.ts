import type { DeviceRowPosture } from '@/lib/domain/posture';
import { isHighRisk } from '@/lib/domain/posture';

// What is wrong with one device's posture, in words: the client panel's Security column (long) and
// the device list's cell (short) say the same things.

const WORDS = {
  long: { antivirus: 'antivirus', firewall: 'firewall off', encrypted: 'unencrypted', eol: 'OS end of life' },
  short: { antivirus: 'AV', firewall: 'FW off', encrypted: 'unencrypted', eol: 'EOL' },
} as const;

export function securityProblems(p: DeviceRowPosture, length: keyof typeof WORDS): string[] {
  const words = WORDS[length];
  const out: string[] = [];
  if (isHighRisk(p.risk)) out.push(`${p.risk} risk`);
  if (p.antivirus === 'bad') out.push(words.antivirus);
  if (p.firewallEnabled === false) out.push(words.firewall);
  if (p.encrypted === false) out.push(words.encrypted);
  if (p.osEndOfLife) out.push(words.eol);
  return out;
}

/** The count behind a failed or pending patch state (failed updates, or pending ones); else null. */
export function patchCount(p: DeviceRowPosture): number | null {
  if (p.patch === 'failed') return p.failedUpdates;
  return p.patch === 'pending' ? p.pendingUpdates : null;
}
