import { secrets } from '@/lib/auth/secrets';
import type { Store } from '@/lib/db/open';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import 'server-only';

// An API key entered in Settings is kept encrypted at rest: AES-256-GCM under a key derived
// (HKDF-SHA256) from the session secret, so a copied database file alone does not reveal it.

const KEY_NAME = 'level.api-key';

function vaultKey(): Buffer {
  return Buffer.from(hkdfSync('sha256', secrets().sessionSecret, 'levelboard', 'level-api-key', 32));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', vaultKey(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return JSON.stringify({
    v: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  });
}

export function decryptSecret(sealed: string): string {
  const { iv, tag, data } = JSON.parse(sealed) as { iv: string; tag: string; data: string };
  const decipher = createDecipheriv('aes-256-gcm', vaultKey(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

/** A secret sealed under `name` in key_values, or null (not set, or sealed under another SESSION_SECRET). */
export async function storedSecret(store: Store, name: string): Promise<string | null> {
  const row = await store.db
    .selectFrom('key_values')
    .select('value')
    .where('key', '=', name)
    .executeTakeFirst();
  if (!row) return null;
  try {
    return decryptSecret(row.value);
  } catch {
    // Sealed under another SESSION_SECRET: unusable, treat as not set.
    return null;
  }
}

/** Seals `plain` under `name` in key_values; null removes it. */
export async function storeSecret(store: Store, name: string, plain: string | null): Promise<void> {
  if (plain === null) {
    await store.db.deleteFrom('key_values').where('key', '=', name).execute();
    return;
  }
  const value = encryptSecret(plain);
  const updatedAt = Date.now();
  await store.db
    .insertInto('key_values')
    .values({ key: name, value, updated_at: updatedAt })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
}

export const storedApiKey = (store: Store) => storedSecret(store, KEY_NAME);
export const storeApiKey = (store: Store, apiKey: string | null) => storeSecret(store, KEY_NAME, apiKey);

export const lastFour = (apiKey: string) => `…${apiKey.slice(-4)}`;
