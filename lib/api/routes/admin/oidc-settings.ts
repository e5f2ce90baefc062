import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { actorOf } from '@/lib/auth/actor';
import { audit } from '@/lib/auth/audit';
import { clientSecretSchema } from '@/lib/config/oidc-env';
import { getStore } from '@/lib/db/instance';
import { ConflictError } from '@/lib/domain/errors';
import { getEnv } from '@/lib/env';
import {
  CALLBACK_PATH,
  oidcFromEnv,
  oidcSettingsSchema,
  readOidcSettings,
  storeClientSecret,
  storedClientSecret,
  writeOidcSettings,
  type OidcSettings,
} from '@/lib/oidc/config';
import { oidcRuntime } from '@/lib/oidc/instance';
import type { OidcField, OidcSettingsView } from '@/lib/oidc/view';
import 'server-only';
import { z } from 'zod';

// Settings → Single sign-on: issuer, client, claims and default role; the client secret is sealed
// (lib/auth/key-vault.ts) and never sent back. A field an OIDC_* variable sets wins and cannot be
// changed here.

function envFields(): OidcField[] {
  const env = oidcFromEnv();
  return (Object.keys(env) as OidcField[]).filter((field) => env[field as keyof typeof env] !== undefined);
}

export const oidcSettingsRoute = route(
  'admin.settings.oidc',
  async () => {
    const store = await getStore();
    const settings = await readOidcSettings(store);
    const view: OidcSettingsView = {
      settings: {
        issuer: settings.issuer ?? '',
        clientId: settings.clientId ?? '',
        providerName: settings.providerName ?? '',
        roleClaim: settings.roleClaim ?? '',
        roleMap: settings.roleMap ?? '',
        scopeClaim: settings.scopeClaim ?? '',
        defaultRole: settings.defaultRole ?? '',
      },
      secretSet: Boolean(oidcFromEnv().clientSecret) || (await storedClientSecret(store)) !== null,
      fromEnv: envFields(),
      configured: (await (await oidcRuntime()).config.current()) !== null,
      callbackPath: CALLBACK_PATH,
      localSignIn: getEnv().OIDC_LOCAL_SIGN_IN,
    };
    return json(view);
  },
  { access: 'admin' },
);

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const withoutBlanks = (value: unknown) =>
  value && typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).filter(([, field]) => blank(field) !== undefined))
    : value;

/** Every field at once (blank: unset); `clientSecret` absent keeps it, null removes it. */
const bodySchema = z.object({
  settings: z.preprocess(withoutBlanks, oidcSettingsSchema.strict()),
  clientSecret: z.preprocess(blank, clientSecretSchema.nullable().optional()),
});

export const setOidcSettingsRoute = route(
  'admin.settings.oidc.set',
  async (request, _params, access) => {
    const body = await parseBody(request, bodySchema);
    const store = await getStore();
    const fixed = envFields();
    const before = await readOidcSettings(store);
    const settings: OidcSettings = body.settings;
    const changed = (Object.keys(oidcSettingsSchema.shape) as (keyof OidcSettings)[]).filter(
      (field) => (settings[field] ?? '') !== (before[field] ?? ''),
    );
    const refused = [
      ...changed,
      ...(body.clientSecret !== undefined ? ['clientSecret' as const] : []),
    ].filter((field) => fixed.includes(field));
    if (refused.length > 0)
      throw new ConflictError(
        'env_oidc_set',
        `Set in the server environment, which wins over Settings: ${refused.join(', ')}. Change it there.`,
      );
    await writeOidcSettings(store, settings);
    if (body.clientSecret !== undefined) await storeClientSecret(store, body.clientSecret);
    (await oidcRuntime()).config.forget();
    const { actor, actorId } = actorOf(access);
    await audit(store, {
      actor,
      actorId,
      action: 'settings.oidc',
      result: 'ok',
      ip: clientAddress(request),
      detail: {
        changed,
        clientSecret: body.clientSecret === undefined ? 'kept' : body.clientSecret ? 'set' : 'removed',
      },
    });
    return json({ ok: true });
  },
  { access: 'admin' },
);
