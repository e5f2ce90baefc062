import type { OidcRole } from '@/lib/config/oidc-env';
import type { Store } from '@/lib/db/open';
import type { PersonScope } from '@/lib/domain/scope';
import { OidcSignInError } from '@/lib/oidc/errors';
import { randomUUID } from 'node:crypto';
import 'server-only';

// The `users` row of a person who signs in through OIDC, found by (issuer, subject) — never by
// e-mail: an e-mail claim is whatever the provider lets its user type, and matching on it would let
// anyone with an account at the provider take over a local account. The provider is the source of
// truth for role and scope: both are written again at every sign-in.

export interface OidcPerson {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  role: OidcRole;
  scope: PersonScope;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  created: boolean;
}

/** The e-mail and display name from standard claims, with fallbacks that stay unique. */
export function profileOf(claims: Record<string, unknown>, issuer: string, subject: string) {
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string).trim() : '');
  const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value) && value.length <= 320;
  const candidates = [
    claims.email_verified === false ? '' : text('email'),
    text('preferred_username'),
    text('upn'),
  ];
  const email = (candidates.find(looksLikeEmail) ?? `${subject}@${new URL(issuer).hostname}`).toLowerCase();
  const name =
    text('name') ||
    [text('given_name'), text('family_name')].filter(Boolean).join(' ') ||
    text('preferred_username') ||
    email;
  return { email, name: name.slice(0, 200) };
}

export async function upsertOidcUser(
  store: Store,
  person: OidcPerson,
  now = Date.now(),
): Promise<SignedInUser> {
  const scope = JSON.stringify(person.role === 'admin' ? { kind: 'fleet' } : person.scope);
  const existing = await store.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'disabled_at'])
    .where('oidc_issuer', '=', person.issuer)
    .where('oidc_subject', '=', person.subject)
    .executeTakeFirst();
  if (existing) {
    if (existing.disabled_at !== null) throw new OidcSignInError('disabled', { userId: existing.id });
    // The e-mail follows the provider unless another account holds it already.
    const emailFree =
      person.email === existing.email ||
      !(await store.db.selectFrom('users').select('id').where('email', '=', person.email).executeTakeFirst());
    const email = emailFree ? person.email : existing.email;
    await store.db
      .updateTable('users')
      .set({ email, name: person.name, role: person.role, scope, updated_at: now, last_sign_in_at: now })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, email, name: person.name, created: false };
  }
  const taken = await store.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', person.email)
    .executeTakeFirst();
  if (taken) throw new OidcSignInError('email_taken', { userId: taken.id });
  const id = randomUUID();
  try {
    await store.db
      .insertInto('users')
      .values({
        id,
        email: person.email,
        name: person.name,
        role: person.role,
        scope,
        password_hash: null,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        recovery_codes: null,
        oidc_issuer: person.issuer,
        oidc_subject: person.subject,
        disabled_at: null,
        session_generation: 0,
        created_at: now,
        updated_at: now,
        last_sign_in_at: now,
      })
      .execute();
  } catch (error) {
    // Two first sign-ins of one person at once: the other one created the row.
    const raced = await store.db
      .selectFrom('users')
      .select('id')
      .where('oidc_issuer', '=', person.issuer)
      .where('oidc_subject', '=', person.subject)
      .executeTakeFirst();
    if (raced) return upsertOidcUser(store, person, now);
    throw error;
  }
  return { id, email: person.email, name: person.name, created: true };
}
