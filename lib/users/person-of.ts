import { BREAK_GLASS_ID, type Access } from '@/lib/auth/scope';
import 'server-only';

/** The signed-in person's user id, or null (the break-glass admin, a share link, nobody). */
export function personIdOf(access: Access | null): string | null {
  if (!access || access.via !== 'person' || access.person.id === BREAK_GLASS_ID) return null;
  return access.person.id;
}

/** The audit actor of a person before they have a session (sign-in, invite): as actorOf names them. */
export const personActor = (user: { id: string; name: string; email: string }) => ({
  actor: `${user.name} <${user.email}>`,
  actorId: user.id,
});
