import type { Access } from '@/lib/auth/scope';
import 'server-only';

/** The signed-in person's user id, or null (the break-glass admin, a share link, nobody). */
export function personIdOf(access: Access | null): string | null {
  // Read loosely until the lead's Access (with `person`) is on this branch.
  const person = (access as { person?: { id?: unknown } } | null)?.person;
  return typeof person?.id === 'string' ? person.id : null;
}

/** The audit actor of a person before they have a session (sign-in, invite): as actorOf names them. */
export const personActor = (user: { id: string; name: string; email: string }) => ({
  actor: `${user.name} <${user.email}>`,
  actorId: user.id,
});
