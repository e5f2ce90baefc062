import type { Store } from '@/lib/db/open';
import type { UserInviteTable } from '@/lib/db/schema';
import { createHash, randomBytes } from 'node:crypto';
import 'server-only';

// One-time links: an invitation (set your first password) or a password reset. The token is 32
// random bytes in the URL; only its SHA-256 is stored, so a copied database opens no account.
// A link is claimed by one conditional UPDATE, so two clicks (or two replicas) cannot both use it.

export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;
export const RESET_TTL_MS = 24 * 60 * 60 * 1000;

export type InvitePurpose = UserInviteTable['purpose'];

export const hashInviteToken = (token: string) => createHash('sha256').update(token).digest('base64url');
/** Tokens are base64url of 32 bytes: anything else is refused before touching the database. */
const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export interface NewInvite {
  userId: string;
  purpose: InvitePurpose;
  /** Audit-style name of whoever made it. */
  createdBy: string;
  ttlMs?: number;
}

/** A new link for the user; any earlier unused link of theirs stops working. Returns the token, to show once. */
export async function createInvite(store: Store, input: NewInvite, now = Date.now()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const ttl = input.ttlMs ?? (input.purpose === 'invite' ? INVITE_TTL_MS : RESET_TTL_MS);
  await store.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('user_invites')
      .set({ used_at: now })
      .where('user_id', '=', input.userId)
      .where('used_at', 'is', null)
      .execute();
    await tx
      .insertInto('user_invites')
      .values({
        token_hash: hashInviteToken(token),
        user_id: input.userId,
        purpose: input.purpose,
        created_by: input.createdBy,
        created_at: now,
        expires_at: now + ttl,
        used_at: null,
      })
      .execute();
  });
  return token;
}

export interface OpenInvite {
  userId: string;
  purpose: InvitePurpose;
  expiresAt: number;
}

/** The link's user and purpose while it is unused and unexpired; null otherwise (or no such link). */
export async function findOpenInvite(
  store: Store,
  token: string,
  now = Date.now(),
): Promise<OpenInvite | null> {
  if (!looksLikeToken(token)) return null;
  const row = await store.db
    .selectFrom('user_invites')
    .select(['user_id', 'purpose', 'expires_at', 'used_at'])
    .where('token_hash', '=', hashInviteToken(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || Number(row.expires_at) <= now) return null;
  return { userId: row.user_id, purpose: row.purpose, expiresAt: Number(row.expires_at) };
}

/** Marks the link used if it still was open; the winner gets the link, everyone else null. */
export async function claimInvite(store: Store, token: string, now = Date.now()): Promise<OpenInvite | null> {
  const open = await findOpenInvite(store, token, now);
  if (!open) return null;
  const result = await store.db
    .updateTable('user_invites')
    .set({ used_at: now })
    .where('token_hash', '=', hashInviteToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? open : null;
}

/** Every open link of a user stops working (the user is disabled or deleted). */
export async function closeInvitesOf(store: Store, userId: string, now = Date.now()): Promise<void> {
  await store.db
    .updateTable('user_invites')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}
