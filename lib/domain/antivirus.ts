// How an antivirus status from Level reads. Level documents `good` as the healthy value (its API
// reference's example for `security.antivirus_status`) and no other; the old check only knew
// "on/enabled/active/..." and showed "Microsoft Defender — good" with a red shield. So: known
// healthy words are good, a closed list of words that plainly mean "not protecting" is bad, and
// anything else is unknown (a neutral shield): never red for a value we cannot read.

export type AntivirusState = 'good' | 'bad' | 'unknown';

const GOOD = new Set([
  'good',
  'ok',
  'healthy',
  'on',
  'enabled',
  'active',
  'protected',
  'running',
  'up to date',
]);
const BAD = new Set([
  'bad',
  'disabled',
  'off',
  'inactive',
  'outdated',
  'out of date',
  'expired',
  'unprotected',
  'not protected',
  'not running',
  'at risk',
  'threat detected',
  'threats detected',
  'infected',
  'error',
  'failed',
]);

const normalise = (status: string) =>
  status
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

export function antivirusState(status: string | null | undefined): AntivirusState {
  if (!status) return 'unknown';
  const value = normalise(status);
  if (GOOD.has(value)) return 'good';
  if (BAD.has(value)) return 'bad';
  return 'unknown';
}
