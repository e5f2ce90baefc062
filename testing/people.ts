import type { Store } from '@/lib/db/open';
import type { UserRole } from '@/lib/db/schema';
import type { PersonScope } from '@/lib/domain/scope';
import { randomBytes } from 'node:crypto';

// People for tests that need them before any sign-in exists: a row in `users`, written as the
// accounts code writes it (lib/users), without a password.

export interface TestPerson {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  scope: PersonScope;
}

export async function insertPerson(
  store: Store,
  person: Partial<TestPerson> & { role: UserRole },
  now = Date.now(),
): Promise<TestPerson> {
  const id = person.id ?? `u-${randomBytes(6).toString('hex')}`;
  const row: TestPerson = {
    id,
    email: person.email ?? `${id}@example.test`,
    name: person.name ?? `Person ${id}`,
    role: person.role,
    scope: person.scope ?? { kind: 'fleet' },
  };
  await store.db
    .insertInto('users')
    .values({
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      scope: JSON.stringify(row.scope),
      password_hash: null,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      recovery_codes: null,
      oidc_issuer: null,
      oidc_subject: null,
      disabled_at: null,
      session_generation: 0,
      created_at: now,
      updated_at: now,
      last_sign_in_at: null,
    })
    .execute();
  return row;
}
