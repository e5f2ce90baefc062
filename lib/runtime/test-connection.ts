import { NO_SUCH_DEVICE } from '@/lib/actions/write-access';
import { createLevelClient } from '@/lib/level';
import { isLevelApiError } from '@/lib/level/errors';
import 'server-only';

export type ConnectionTest =
  | { result: 'ok'; access: 'read_write' | 'read_only'; message: string }
  | { result: 'key_rejected' | 'unreachable' | 'error'; message: string };

/** A real call to Level with this key, explained for a human. */
export async function testConnection(baseUrl: string, apiKey: string): Promise<ConnectionTest> {
  const client = createLevelClient({ baseUrl, apiKey, timeoutMs: 10_000, maxRetries: 0 });
  try {
    for await (const _group of client.groups.list()) break;
  } catch (error) {
    if (isLevelApiError(error) && error.kind === 'unauthorized') {
      return {
        result: 'key_rejected',
        message:
          'Level rejected this API key. Check it was copied whole, and that it was not regenerated or deleted in Level.',
      };
    }
    if (isLevelApiError(error) && error.kind === 'upstream') {
      return { result: 'unreachable', message: `Level could not be reached at ${baseUrl}: ${error.message}` };
    }
    return {
      result: 'error',
      message: `Level answered unexpectedly: ${isLevelApiError(error) ? error.message : 'unknown error'}`,
    };
  }
  try {
    await client.devices.update(NO_SUCH_DEVICE, {});
  } catch (error) {
    if (isLevelApiError(error) && error.kind === 'forbidden') {
      return {
        result: 'ok',
        access: 'read_only',
        message:
          'Connected. This key is read-only in Level: the dashboard works, admin actions will be refused.',
      };
    }
  }
  return { result: 'ok', access: 'read_write', message: 'Connected with a read-and-write key.' };
}
