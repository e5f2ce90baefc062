import { storedSecret, storeSecret } from '@/lib/auth/key-vault';
import type { Store } from '@/lib/db/open';
import type { WebhookSecretSource } from '@/lib/domain/webhooks';
import 'server-only';

// The webhook secret entered in Settings, sealed like the API key (AES-256-GCM under a key derived
// from the session secret). LEVEL_WEBHOOK_SECRET in the environment wins over it.

const KEY_NAME = 'level.webhook-secret';

export const storedWebhookSecret = (store: Store) => storedSecret(store, KEY_NAME);
export const storeWebhookSecret = (store: Store, secret: string | null) =>
  storeSecret(store, KEY_NAME, secret);

export type SecretSource = WebhookSecretSource;

/**
 * The secret in force, read from the database at most once a second (another replica's admin may
 * rotate it: every replica follows within a second); `forget()` after a change on this replica
 * applies it to the very next delivery.
 */
export class WebhookSecret {
  private cached: { secret: string | null; at: number } | null = null;
  private loading: Promise<string | null> | null = null;

  constructor(
    private readonly store: Store,
    private readonly fromEnv: string | undefined,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 1_000,
  ) {}

  source(stored: string | null): SecretSource {
    if (this.fromEnv) return 'env';
    return stored ? 'settings' : null;
  }

  async current(): Promise<string | null> {
    if (this.fromEnv) return this.fromEnv;
    if (this.cached && this.now() - this.cached.at < this.ttlMs) return this.cached.secret;
    this.loading ??= storedWebhookSecret(this.store)
      .then((secret) => {
        this.cached = { secret, at: this.now() };
        return secret;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  forget(): void {
    this.cached = null;
  }
}
