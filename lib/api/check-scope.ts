import { InvalidInputError } from '@/lib/domain/errors';
import type { PersonScope } from '@/lib/domain/scope';
import { fleetService } from '@/lib/fleet/instance';
import 'server-only';

/**
 * Group ids in a person's scope (or a notification rule's) must exist in the fleet as synced now;
 * before the first sync there is nothing to check against, so nothing is refused.
 */
export function checkScopeGroups(scope: PersonScope | undefined, field = 'scope.groupIds'): void {
  if (!scope || scope.kind === 'fleet') return;
  const snapshot = fleetService().current();
  if (!snapshot) return;
  const unknown = scope.groupIds.find((id) => !snapshot.groupNodes.has(id));
  if (unknown !== undefined) throw new InvalidInputError(`Invalid field "${field}": no group "${unknown}".`);
}
