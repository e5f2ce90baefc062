import { isPerson, type Access, type PersonAccess } from '@/lib/auth/scope';
import { scopedFleet, type ScopedFleet } from '@/lib/auth/scoped-fleet';
import { ForbiddenError, NotFoundError, UnavailableError } from '@/lib/domain/errors';
import { fleetService } from '@/lib/fleet/instance';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';
import { z } from 'zod';

// Inputs of admin actions, checked against the synced fleet before anything is sent to Level, so
// a typo in one id of 500 fails the whole request instead of half-applying it.

/** Level ids are opaque base64-like strings; anything else cannot be one. */
export const levelIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_\-=+.:]+$/, { error: 'is not a Level id' });

/** Bulk actions cover a whole client at most; more is surely a mistake. */
export const MAX_BULK = 5_000;

export const deviceIdsSchema = z
  .array(levelIdSchema)
  .min(1, { error: 'needs at least one device' })
  .max(MAX_BULK, { error: `takes at most ${MAX_BULK} devices at once` })
  .transform((ids) => [...new Set(ids)]);

export const nameSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(100, { error: 'must be at most 100 characters' })
  .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'must not contain control characters' });

export function currentSnapshot(): FleetSnapshot {
  const snapshot = fleetService().current();
  if (!snapshot)
    throw new UnavailableError('not_synced', 'Wait for the first sync from Level before changing anything.');
  return snapshot;
}

/**
 * What one person may act on: the current snapshot and their scoped view of it (the same
 * predicates that scope their reads). A technician scoped to one client acting on another
 * client's device hears "unknown device", exactly as their reads would say.
 */
export interface ActingScope {
  access: PersonAccess;
  snapshot: FleetSnapshot;
  view: ScopedFleet;
}

export function actingScope(access: Access): ActingScope {
  // The route's `act` level lets only people through; a link here is a wiring mistake.
  if (!isPerson(access)) throw new ForbiddenError('Share links cannot change anything.');
  const snapshot = currentSnapshot();
  return { access, snapshot, view: scopedFleet(snapshot, access) };
}

/** Fleet-wide objects (tags, top-level groups) are for people scoped to the whole fleet. */
export function requireWholeFleet({ view }: ActingScope, what: string): void {
  if (view.scoped) throw new ForbiddenError(`Only people with the whole fleet in scope can ${what}.`);
}

export function requireDevices({ snapshot, view }: ActingScope, ids: readonly string[]): void {
  const unknown = ids.filter((id) => !snapshot.deviceById.has(id) || !view.deviceIdAllowed(id));
  if (unknown.length > 0)
    throw new NotFoundError(
      `Unknown device id${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}.`,
    );
}

export function requireGroupId({ snapshot, view }: ActingScope, id: string): void {
  if (!snapshot.groups.some((group) => group.id === id) || !view.groupAllowed(id))
    throw new NotFoundError(`No group with id "${id}".`);
}

export function requireTag({ snapshot }: ActingScope, id: string) {
  const tag = snapshot.tags.find((candidate) => candidate.id === id);
  if (!tag) throw new NotFoundError(`No tag with id "${id}".`);
  return tag;
}

export const describeDevices = (ids: readonly string[]) =>
  ids.length === 1 ? `device ${ids[0]}` : `${ids.length} devices`;

/** The `[id]` of an action's path; not even shaped like a Level id means there is no such object. */
export function pathId(params: Record<string, string>): string {
  const parsed = levelIdSchema.safeParse(params.id);
  if (!parsed.success) throw new NotFoundError(`No object with id "${String(params.id).slice(0, 80)}".`);
  return parsed.data;
}
