import { levelClient } from '@/lib/fleet/instance';
import type { LevelClient } from '@/lib/level';
import { isLevelApiError } from '@/lib/level/errors';
import { processWide } from '@/lib/process-wide';
import 'server-only';

export type WriteAccess = 'read_write' | 'read_only' | 'unknown';

export const READ_ONLY_MESSAGE =
  'This API key is read-only in Level. Admin actions need a key with write access (Level → Settings → API keys); nothing was changed.';

// gid://level/Device/0 — no such device. A write to it tells the key's access level apart:
// a read-only key is refused (403) before Level looks the device up (404).
export const NO_SUCH_DEVICE = 'Z2lkOi8vbGV2ZWwvRGV2aWNlLzA';

/** A key's access rarely changes; checking again now and then notices a key upgraded in Level. */
const RECHECK_MS = 10 * 60_000;

interface Known {
  /** The process's client for one key and URL: a new key brings a new client (lib/runtime). */
  client: LevelClient;
  access: Exclude<WriteAccess, 'unknown'>;
  at: number;
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    writeAccess: { known?: Known };
  }
}

const shared = processWide('writeAccess', () => ({}));

function remember(access: Known['access']): void {
  shared.known = { client: levelClient(), access, at: Date.now() };
}

/** A write was refused with 403: the key is read-only (until a later probe says otherwise). */
export const noteReadOnly = () => remember('read_only');

/**
 * Whether the current key may write, from a probe Level cannot act on: a PATCH of a device that
 * does not exist. A read-only key is refused (403) before Level looks the device up (404).
 */
export async function writeAccess(options: { probe?: boolean } = {}): Promise<WriteAccess> {
  const known = shared.known;
  if (known && known.client === levelClient() && Date.now() - known.at < RECHECK_MS) return known.access;
  if (options.probe === false) return 'unknown';
  try {
    await levelClient().devices.update(NO_SUCH_DEVICE, {});
    remember('read_write');
  } catch (error) {
    if (!isLevelApiError(error)) throw error;
    if (error.kind === 'forbidden') remember('read_only');
    else if (error.kind === 'not_found' || error.kind === 'validation') remember('read_write');
    else return 'unknown';
  }
  return shared.known?.access ?? 'unknown';
}
