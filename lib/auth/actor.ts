import type { Access } from '@/lib/auth/scope';
import 'server-only';

// TEMPORARY (i18-accounts): the lead's API by its announced name, until main has it; replaced at the merge.
export function actorOf(access: Access): { actor: string; actorId: string | null } {
  if (access.role === 'admin') return { actor: 'admin', actorId: null };
  return { actor: `link:${access.linkId}`, actorId: null };
}
