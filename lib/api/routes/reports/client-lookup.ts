import type { FleetRead } from '@/lib/api/fleet-read';
import { NotFoundError } from '@/lib/domain/errors';
import type { GroupNode } from '@/lib/domain/fleet';
import 'server-only';

/**
 * A client (top-level group) this caller may see, or the same 404 whether it does not exist or
 * lies outside the caller's scope, so a scoped session cannot probe for other clients.
 */
export function requireClient(read: FleetRead, clientId: string): GroupNode {
  const node = read.snapshot.groupNodes.get(clientId);
  if (!node || node.parentId !== null || !read.view.groupAllowed(clientId))
    throw new NotFoundError(`No client with id "${clientId}".`);
  return node;
}
