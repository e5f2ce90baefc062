import { noteReadOnly, READ_ONLY_MESSAGE, writeAccess } from '@/lib/actions/write-access';
import { ApiError } from '@/lib/api/errors';
import type { ApiRequest } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { audit } from '@/lib/auth/audit';
import { getStore } from '@/lib/db/instance';
import { levelClient } from '@/lib/fleet/instance';
import type { LevelClient } from '@/lib/level';
import { describeLevelError, isLevelApiError, type LevelApiError } from '@/lib/level/errors';
import { logger } from '@/lib/logger';
import 'server-only';

export interface ActionContext {
  request: ApiRequest;
  /** Audit action name, e.g. `groups.rename`. */
  action: string;
  /** What it acts on, for the audit log (an id, or "12 devices"). */
  target: string | null;
  /** Non-secret facts for the audit log (names, counts). */
  detail?: Record<string, unknown>;
}

export interface ActionOutcome<T> {
  value: T;
  /** Added to the audit entry once the work is done (e.g. how many succeeded). */
  detail?: Record<string, unknown>;
}

/**
 * The one way an admin action reaches Level: refused up front when the key is known to be
 * read-only (so a bulk change is never half-applied), Level's errors turned into clear answers,
 * and every attempt written to the audit log with its result.
 */
export async function runAction<T>(
  context: ActionContext,
  work: (client: LevelClient) => Promise<ActionOutcome<T>>,
): Promise<T> {
  const store = await getStore();
  const record = (result: 'ok' | 'denied' | 'failed', detail?: Record<string, unknown>) =>
    audit(store, {
      actor: 'admin',
      action: context.action,
      target: context.target,
      result,
      detail: { ...context.detail, ...detail },
      ip: clientAddress(context.request),
    });

  if ((await writeAccess()) === 'read_only') {
    await record('denied', { reason: 'read-only key' });
    throw new ApiError(403, 'level_read_only', READ_ONLY_MESSAGE);
  }
  try {
    const outcome = await work(levelClient());
    await record('ok', outcome.detail);
    return outcome.value;
  } catch (error) {
    if (error instanceof ApiError) {
      await record(error.status === 403 ? 'denied' : 'failed', { error: error.message });
      throw error;
    }
    if (!isLevelApiError(error)) {
      await record('failed', { error: 'internal error' });
      throw error;
    }
    const answer = fromLevelError(error);
    if (error.kind !== 'not_found' && error.kind !== 'validation')
      logger.warn(
        { action: context.action, error: describeLevelError(error) },
        'Admin action failed at Level',
      );
    await record(answer.status === 403 ? 'denied' : 'failed', { error: answer.message });
    throw answer;
  }
}

function fromLevelError(error: LevelApiError): ApiError {
  switch (error.kind) {
    case 'forbidden':
      noteReadOnly();
      return new ApiError(403, 'level_read_only', READ_ONLY_MESSAGE);
    case 'not_found':
      return new ApiError(
        404,
        'not_found',
        'Level no longer has this object; it may have just been deleted.',
      );
    case 'validation':
      return new ApiError(422, 'level_rejected', error.message);
    case 'rate_limited': {
      const waitMs =
        'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : 60_000;
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      return new ApiError(
        503,
        'level_rate_limited',
        `Level's rate limit was reached; try again in ${seconds} s.`,
        {
          'Retry-After': String(seconds),
        },
      );
    }
    case 'unauthorized':
      return new ApiError(502, 'level_key_rejected', 'Level rejected the API key. Check it in Settings.');
    default:
      return new ApiError(502, 'level_unavailable', describeLevelError(error));
  }
}
