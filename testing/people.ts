import type { Store } from '@/lib/db/open';
import type { UserRole } from '@/lib/db/schema';
import type { PersonScope } from '@/lib/domain/scope';
import { createUser } from '@/lib/users/store';
import { randomBytes } from 'node:crypto';

// People for tests that need them before any sign-in exists: created as an admin's invite creates
// them (lib/users/store.ts), without a password.

export interface TestPerson {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  scope: PersonScope;
}

export async function insertPerson(
  store: Store,
  person: Partial<Omit<TestPerson, 'id'>> & { role: UserRole },
): Promise<TestPerson> {
  const tag = randomBytes(6).toString('hex');
  const created = await createUser(store, {
    email: person.email ?? `${tag}@example.test`,
    name: person.name ?? `Person ${tag}`,
    role: person.role,
    scope: person.scope ?? { kind: 'fleet' },
  });
  return {
    id: created.id,
    email: created.email,
    name: created.name,
    role: person.role,
    scope: created.scope,
  };
}
