import { BREAK_GLASS_ID, type Access } from '@/lib/auth/scope';
import 'server-only';

/**
 * Who an audit entry names. A person by name and e-mail (what people read) and by id (what the
 * audit page filters on: names change, ids do not); the break-glass admin loudly as such; a share
 * link by its id.
 */
export function actorOf(access: Access): { actor: string; actorId: string | null } {
  if (access.via === 'link') return { actor: `link:${access.linkId}`, actorId: null };
  const { person } = access;
  if (person.id === BREAK_GLASS_ID) return { actor: 'admin (break-glass)', actorId: BREAK_GLASS_ID };
  return { actor: person.email ? `${person.name} <${person.email}>` : person.name, actorId: person.id };
}
