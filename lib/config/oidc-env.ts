import { z } from 'zod';

// OIDC sign-in's variables (lib/oidc). Pure, so the start-up check (lib/config/env-schema.ts) and
// Settings share one parser: a role map or a default role that Settings accepts is exactly one
// that the environment accepts.

export const OIDC_ROLES = ['admin', 'technician', 'viewer'] as const;
export type OidcRole = (typeof OIDC_ROLES)[number];
export const OIDC_DEFAULT_ROLES = ['viewer', 'technician', 'refuse'] as const;
export type OidcDefaultRole = (typeof OIDC_DEFAULT_ROLES)[number];

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An issuer is compared character for character with what the provider's discovery document and
 * ID tokens say, so it is kept as written (a trailing slash included). Plain http is accepted only
 * on loopback (tests, a provider on the same host): anything else would carry codes and tokens in
 * the clear.
 */
export const issuerSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => URL.canParse(value), {
    error: 'must be an absolute URL such as https://login.microsoftonline.com/<tenant>/v2.0',
  })
  .refine(
    (value) => {
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    },
    { error: 'must use https:// (plain http only on localhost)' },
  )
  .refine((value) => !URL.canParse(value) || (!new URL(value).search && !new URL(value).hash), {
    error: 'must not have a query or a fragment',
  });

export const clientIdSchema = z.string().trim().min(1).max(500);
export const clientSecretSchema = z.string().min(1).max(2000);

/** A claim name, or a dotted path into nested claims (Keycloak's `realm_access.roles`). */
export const claimNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, { error: 'must be a claim name without spaces' });

export type RoleMap = ReadonlyMap<string, OidcRole>;

/**
 * `Levelboard.Admin=admin,Levelboard.Technician=technician`: claim value → role. Values not in the
 * map still count when they are a role's own name (`technician`).
 */
export function parseRoleMap(
  text: string | undefined,
): { ok: true; map: RoleMap } | { ok: false; problem: string } {
  const map = new Map<string, OidcRole>();
  if (!text) return { ok: true, map };
  for (const part of text.split(',')) {
    const entry = part.trim();
    if (!entry) continue;
    const at = entry.lastIndexOf('=');
    const value = at > 0 ? entry.slice(0, at).trim() : '';
    const role = at > 0 ? entry.slice(at + 1).trim() : '';
    if (!value)
      return { ok: false, problem: `has an entry without a claim value: "${entry}" (use value=role)` };
    if (!(OIDC_ROLES as readonly string[]).includes(role))
      return {
        ok: false,
        problem: `maps "${value}" to "${role}": the role must be admin, technician or viewer`,
      };
    map.set(value, role as OidcRole);
  }
  return { ok: true, map };
}

export const roleMapSchema = z
  .string()
  .trim()
  .max(4000)
  .superRefine((value, ctx) => {
    const parsed = parseRoleMap(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
  });

export const defaultRoleSchema = z.enum(OIDC_DEFAULT_ROLES, {
  error: 'must be viewer, technician or refuse',
});

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * The environment's OIDC variables. Unset stays undefined (not a default) so that Settings can fill
 * what the environment leaves open: a variable that is set wins over Settings.
 */
export const oidcEnvShape = {
  OIDC_ISSUER: optional(issuerSchema),
  OIDC_CLIENT_ID: optional(clientIdSchema),
  OIDC_CLIENT_SECRET: optional(clientSecretSchema),
  /** What the sign-in button says: "Sign in with <name>". */
  OIDC_PROVIDER_NAME: optional(z.string().trim().max(60)),
  OIDC_ROLE_CLAIM: optional(claimNameSchema),
  OIDC_ROLE_MAP: optional(roleMapSchema),
  OIDC_SCOPE_CLAIM: optional(claimNameSchema),
  OIDC_DEFAULT_ROLE: optional(defaultRoleSchema),
  OIDC_LOCAL_SIGN_IN: z.preprocess(
    blankToUndefined,
    z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  ),
};

export const OIDC_SECRET_VARIABLES = ['OIDC_CLIENT_SECRET'];
