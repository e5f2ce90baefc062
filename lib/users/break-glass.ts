import type { Store } from '@/lib/db/open';
import { ConflictError } from '@/lib/domain/errors';
import { enabledAdmins } from '@/lib/users/store';
import 'server-only';

// The break-glass admin (ADMIN_PASSWORD) is the way in when everything else fails, so it is on
// unless an admin turned it off — which is refused while no other admin could sign in.

const KEY = 'auth.break-glass';

export async function isBreakGlassEnabled(store: Store): Promise<boolean> {
  const row = await store.db
    .selectFrom('key_values')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  return row?.value !== 'off';
}

export async function setBreakGlassEnabled(store: Store, enabled: boolean, now = Date.now()): Promise<void> {
  if (!enabled && !(await enabledAdmins(store)).some((admin) => admin.canSignIn)) {
    throw new ConflictError(
      'no_other_admin',
      'Break-glass sign-in stays on until another admin with a password or single sign-on exists.',
    );
  }
  const value = enabled ? 'on' : 'off';
  await store.db
    .insertInto('key_values')
    .values({ key: KEY, value, updated_at: now })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
