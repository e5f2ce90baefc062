import { levelFailure } from '@/lib/actions/level-failure';
import { noteReadOnly, READ_ONLY_MESSAGE, writeAccess } from '@/lib/actions/write-access';
import { clientAddress, type AccessRequest } from '@/lib/auth/access';
import { auditAs } from '@/lib/auth/audit';
import type { Access } from '@/lib/auth/scope';
import { getStore } from '@/lib/db/instance';
import { DomainError, ReadOnlyKeyError } from '@/lib/domain/errors';
import { levelClient } from '@/lib/fleet/instance';
import type { LevelClient } from '@/lib/level';
import { describeLevelError, isLevelApiError } from '@/lib/level/errors';
import { logger } from '@/lib/logger';
import 'server-only';

export interface ActionContext {
  request: AccessRequest;
  /** Who acts: the audit log names them. */
  access: Access;
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
 * read-only (so a bulk change is never half-applied), Level's errors turned into domain errors
 * with clear messages (lib/actions/level-failure.ts), and every attempt written to the audit log
 * with its result.
 */
export async function runAction<T>(
  context: ActionContext,
  work: (client: LevelClient) => Promise<ActionOutcome<T>>,
): Promise<T> {
  const store = await getStore();
  const record = (result: 'ok' | 'denied' | 'failed', detail?: Record<string, unknown>) =>
    auditAs(store, context.access, {
      action: context.action,
      target: context.target,
      result,
      detail: { ...context.detail, ...detail },
      ip: clientAddress(context.request),
    });

  if ((await writeAccess()) === 'read_only') {
    await record('denied', { reason: 'read-only key' });
    throw new ReadOnlyKeyError(READ_ONLY_MESSAGE);
  }
  try {
    const outcome = await work(levelClient());
    await record('ok', outcome.detail);
    return outcome.value;
  } catch (error) {
    if (isLevelApiError(error)) {
      if (error.kind === 'forbidden') noteReadOnly();
      if (error.kind !== 'not_found' && error.kind !== 'validation')
        logger.warn(
          { action: context.action, error: describeLevelError(error) },
          'Admin action failed at Level',
        );
    }
    const failure = isLevelApiError(error) ? levelFailure(error) : error;
    if (!(failure instanceof DomainError)) {
      await record('failed', { error: 'internal error' });
      throw error;
    }
    await record(failure instanceof ReadOnlyKeyError ? 'denied' : 'failed', { error: failure.message });
    throw failure;
  }
}
