import { storedWebhookSecret, storeWebhookSecret, WebhookSecret } from '@/lib/webhooks/secret';
import { openTestStore } from '@/testing/stores';
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.SESSION_SECRET = 'a-session-secret-for-the-webhook-secret-test-0123';
  process.env.ADMIN_PASSWORD = 'test-password';
});

describe('the webhook secret', () => {
  it('is stored encrypted, and a rotation reaches every replica within the cache time', async () => {
    const store = await openTestStore('sqlite');
    try {
      let clock = 0;
      const here = new WebhookSecret(store, undefined, () => clock);
      const there = new WebhookSecret(store, undefined, () => clock);
      expect(await here.current()).toBeNull();
      expect(here.source(await here.current())).toBeNull();
      expect(await there.current()).toBeNull();

      await storeWebhookSecret(store, 'first-secret-0123');
      const row = await store.db
        .selectFrom('key_values')
        .select('value')
        .where('key', '=', 'level.webhook-secret')
        .executeTakeFirstOrThrow();
      expect(row.value).not.toContain('first-secret');
      expect(await storedWebhookSecret(store)).toBe('first-secret-0123');
      // This replica saved it: forget() applies it at once; the other follows within a second.
      here.forget();
      expect(await here.current()).toBe('first-secret-0123');
      expect(await there.current()).toBeNull();
      clock += 1_000;
      expect(await there.current()).toBe('first-secret-0123');
      expect(there.source(await there.current())).toBe('settings');

      await storeWebhookSecret(store, 'rotated-secret-4567');
      clock += 1_000;
      expect(await here.current()).toBe('rotated-secret-4567');
      await storeWebhookSecret(store, null);
      clock += 1_000;
      expect(await there.current()).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('from the environment wins over Settings', async () => {
    const store = await openTestStore('sqlite');
    try {
      await storeWebhookSecret(store, 'saved-in-settings');
      const secret = new WebhookSecret(store, 'from-the-environment');
      expect(await secret.current()).toBe('from-the-environment');
      expect(secret.source(await secret.current())).toBe('env');
    } finally {
      await store.close();
    }
  });
});
