import { READ_ONLY_MESSAGE } from '@/lib/actions/write-access';
import {
  LevelFailedError,
  LevelRejectedError,
  NotFoundError,
  ReadOnlyKeyError,
  UnavailableError,
  type DomainError,
} from '@/lib/domain/errors';
import { describeLevelError, type LevelApiError } from '@/lib/level/errors';
import 'server-only';

/**
 * What a Level error means for an admin action, in words the admin can act on. Translated here,
 * not in lib/api, because the action's audit entry records the same outcome and message before
 * any answer is sent; lib/api/errors.ts then gives the domain error its status.
 */
export function levelFailure(error: LevelApiError): DomainError {
  switch (error.kind) {
    case 'forbidden':
      return new ReadOnlyKeyError(READ_ONLY_MESSAGE);
    case 'not_found':
      return new NotFoundError('Level no longer has this object; it may have just been deleted.');
    case 'validation':
      return new LevelRejectedError(error.message);
    case 'rate_limited': {
      const waitMs =
        'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : 60_000;
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      return new UnavailableError(
        'level_rate_limited',
        `Level's rate limit was reached; try again in ${seconds} s.`,
        seconds,
      );
    }
    case 'unauthorized':
      return new LevelFailedError('level_key_rejected', 'Level rejected the API key. Check it in Settings.');
    default:
      return new LevelFailedError('level_unavailable', describeLevelError(error));
  }
}
