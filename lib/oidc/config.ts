import { storedSecret, storeSecret } from '@/lib/auth/key-vault';
import {
  claimNameSchema,
  clientIdSchema,
  defaultRoleSchema,
  issuerSchema,
  parseRoleMap,
  roleMapSchema,
  type OidcDefaultRole,
  type RoleMap,
} from '@/lib/config/oidc-env';
import type { Store } from '@/lib/db/open';
import { getEnv } from '@/lib/env';
import { registerSecret } from '@/lib/logger';
import 'server-only';
import { z } from 'zod';

// Where OIDC sign-in's settings come from: each OIDC_* variable that is set wins; what it leaves
// open comes from Settings (key_values: `oidc.settings` in plain JSON, the client secret sealed
// like the API key under `oidc.client-secret`). Read at most once a second, so another replica's
// change applies here within about a second; `forget()` applies this replica's own at once.

const SETTINGS_KEY = 'oidc.settings';
const SECRET_KEY = 'oidc.client-secret';

export const DEFAULT_ROLE_CLAIM = 'roles';
export const DEFAULT_SCOPE_CLAIM = 'groups';
export const CALLBACK_PATH = '/api/auth/oidc/callback';

/** What Settings may hold (everything but the secret, which is sealed on its own). */
export const oidcSettingsSchema = z.object({
  issuer: issuerSchema.optional(),
  clientId: clientIdSchema.optional(),
  providerName: z.string().trim().max(60).optional(),
  roleClaim: claimNameSchema.optional(),
  roleMap: roleMapSchema.optional(),
  scopeClaim: claimNameSchema.optional(),
  defaultRole: defaultRoleSchema.optional(),
});
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** null: a public client (PKCE alone). */
  clientSecret: string | null;
  providerName: string;
  roleClaim: string;
  roleMap: RoleMap;
  scopeClaim: string;
  defaultRole: OidcDefaultRole;
}

/** Whether local passwords are accepted (OIDC_LOCAL_SIGN_IN); the break-glass ADMIN_PASSWORD always is. */
export function localSignInAllowed(): boolean {
  return getEnv().OIDC_LOCAL_SIGN_IN !== 'off';
}

/** The settings the environment fixes, by Settings' field names (the Settings page shows them read-only). */
export function oidcFromEnv() {
  const env = getEnv();
  registerSecret(env.OIDC_CLIENT_SECRET);
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    providerName: env.OIDC_PROVIDER_NAME,
    roleClaim: env.OIDC_ROLE_CLAIM,
    roleMap: env.OIDC_ROLE_MAP,
    scopeClaim: env.OIDC_SCOPE_CLAIM,
    defaultRole: env.OIDC_DEFAULT_ROLE,
  };
}
export type OidcEnv = ReturnType<typeof oidcFromEnv>;

export async function readOidcSettings(store: Store): Promise<OidcSettings> {
  const row = await store.db
    .selectFrom('key_values')
    .select('value')
    .where('key', '=', SETTINGS_KEY)
    .executeTakeFirst();
  if (!row) return {};
  try {
    const parsed = oidcSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function writeOidcSettings(store: Store, settings: OidcSettings): Promise<void> {
  const value = JSON.stringify(oidcSettingsSchema.parse(settings));
  const updatedAt = Date.now();
  await store.db
    .insertInto('key_values')
    .values({ key: SETTINGS_KEY, value, updated_at: updatedAt })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
}

export const storedClientSecret = (store: Store) => storedSecret(store, SECRET_KEY);
export const storeClientSecret = (store: Store, secret: string | null) =>
  storeSecret(store, SECRET_KEY, secret);

/** Environment over Settings, defaults last; null while no issuer and client id are known. */
export function mergeOidcConfig(
  env: Partial<OidcEnv>,
  settings: OidcSettings,
  storedSecretValue: string | null,
): OidcConfig | null {
  const issuer = env.issuer ?? settings.issuer;
  const clientId = env.clientId ?? settings.clientId;
  if (!issuer || !clientId) return null;
  const roleMap = parseRoleMap(env.roleMap ?? settings.roleMap);
  return {
    issuer,
    clientId,
    clientSecret: env.clientSecret ?? storedSecretValue ?? null,
    providerName: env.providerName ?? settings.providerName ?? 'SSO',
    roleClaim: env.roleClaim ?? settings.roleClaim ?? DEFAULT_ROLE_CLAIM,
    roleMap: roleMap.ok ? roleMap.map : new Map(),
    scopeClaim: env.scopeClaim ?? settings.scopeClaim ?? DEFAULT_SCOPE_CLAIM,
    defaultRole: env.defaultRole ?? settings.defaultRole ?? 'refuse',
  };
}

/** The configuration in force, cached for `ttlMs`. */
export class OidcConfigSource {
  private cached: { config: OidcConfig | null; at: number } | null = null;
  private loading: Promise<OidcConfig | null> | null = null;

  constructor(
    private readonly store: Store,
    private readonly env: Partial<OidcEnv>,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 1_000,
  ) {}

  async current(): Promise<OidcConfig | null> {
    if (this.cached && this.now() - this.cached.at < this.ttlMs) return this.cached.config;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  forget(): void {
    this.cached = null;
  }

  private async load(): Promise<OidcConfig | null> {
    const at = this.now();
    const [settings, secret] = await Promise.all([
      readOidcSettings(this.store),
      this.env.clientSecret ? Promise.resolve(null) : storedClientSecret(this.store),
    ]);
    registerSecret(secret ?? undefined);
    const config = mergeOidcConfig(this.env, settings, secret);
    this.cached = { config, at };
    return config;
  }
}
