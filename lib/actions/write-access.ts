import { isLevelApiError } from '@/lib/level/errors';
import { getLevelClient } from '@/lib/runtime/level-client';
import { getLevelConnection } from '@/lib/runtime/level-connection';
import { NO_SUCH_DEVICE } from '@/lib/runtime/test-connection';
import 'server-only';

export type WriteAccess = 'read_write' | 'read_only' | 'unknown';

export const READ_ONLY_MESSAGE =
  'This API key is read-only in Level. Admin actions need a key with write access (Level → Settings → API keys); nothing was changed.';

/** A key's access rarely changes; checking again now and then notices a key upgraded in Level. */
const RECHECK_MS = 10 * 60_000;

interface Known {
  identity: string;
  access: Exclude<WriteAccess, 'unknown'>;
  at: number;
}

const slot = globalThis as typeof globalThis & { __levelboardWriteAccess?: Known };

const identity = () => {
  const connection = getLevelConnection();
  return connection ? `${connection.baseUrl}\u0000${connection.apiKey}` : '';
};

function remember(access: Known['access']): void {
  slot.__levelboardWriteAccess = { identity: identity(), access, at: Date.now() };
}

/** A write was refused with 403: the key is read-only (until a later probe says otherwise). */
export const noteReadOnly = () => remember('read_only');

/**
 * Whether the current key may write, from a probe Level cannot act on: a PATCH of a device that
 * does not exist. A read-only key is refused (403) before Level looks the device up (404).
 */
export async function writeAccess(options: { probe?: boolean } = {}): Promise<WriteAccess> {
  const known = slot.__levelboardWriteAccess;
  if (known && known.identity === identity() && Date.now() - known.at < RECHECK_MS) return known.access;
  if (options.probe === false) return 'unknown';
  try {
    await getLevelClient().devices.update(NO_SUCH_DEVICE, {});
    remember('read_write');
  } catch (error) {
    if (!isLevelApiError(error)) throw error;
    if (error.kind === 'forbidden') remember('read_only');
    else if (error.kind === 'not_found' || error.kind === 'validation') remember('read_write');
    else return 'unknown';
  }
  return slot.__levelboardWriteAccess?.access ?? 'unknown';
}
