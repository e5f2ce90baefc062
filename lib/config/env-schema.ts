import { OIDC_SECRET_VARIABLES, oidcEnvShape } from '@/lib/config/oidc-env';
import { parseTrustProxy } from '@/lib/config/trust-proxy';
import { z } from 'zod';

// Pure so that unit tests and start-up scripts can call it; lib/env.ts is the server-only entry.
// Values of secret variables are never echoed back in messages.

const SECRET_VARIABLES = new Set([
  'LEVEL_API_KEY',
  'SESSION_SECRET',
  'ADMIN_PASSWORD',
  'DATABASE_URL',
  'LEVEL_WEBHOOK_SECRET',
  'SMTP_URL',
  ...OIDC_SECRET_VARIABLES,
]);

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(min, { error: `must be at least ${min}` })
      .max(max, { error: `must be at most ${max}` })
      .default(fallback),
  );

const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value), {
    error: 'must be an absolute URL such as https://api.level.io/v2',
  })
  .refine((value) => !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol), {
    error: 'must use http:// or https://',
  })
  .transform((value) => value.replace(/\/+$/, ''));

/**
 * The path of a device in Level's web app. Level documents no such URL (only that app.level.io is
 * its web UI), so the default is an assumption an operator can correct without a release.
 */
const appDevicePath = z
  .string()
  .trim()
  .refine((value) => value.startsWith('/'), { error: 'must start with / (for example /devices/{id})' })
  .refine((value) => value.split('{id}').length === 2, { error: 'must contain {id} exactly once' })
  .refine((value) => !/\s/.test(value), { error: 'must not contain spaces' })
  .refine((value) => !value.startsWith('//'), { error: 'must be a path, not a host (set LEVEL_APP_URL)' });

const booleanFlag = z.preprocess(
  blankToUndefined,
  z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true' || value === '1')),
);

export const envSchema = z
  .object({
    LEVEL_API_KEY: optionalString,
    LEVEL_API_URL: z.preprocess(blankToUndefined, httpUrl.default('https://api.level.io/v2')),
    /** Level's web app, for "Open in Level" links (not the API). */
    LEVEL_APP_URL: z.preprocess(blankToUndefined, httpUrl.default('https://app.level.io')),
    LEVEL_APP_DEVICE_PATH: z.preprocess(blankToUndefined, appDevicePath.default('/devices/{id}')),
    /**
     * The secret of Level's webhook (Level shows it once when the webhook is created). Without it
     * (here or in Settings) POST /api/webhooks/level refuses everything. Level chooses its length
     * and documents none, so the floor only catches a paste gone wrong.
     */
    LEVEL_WEBHOOK_SECRET: z.preprocess(
      blankToUndefined,
      z.string().min(8, { error: 'must be at least 8 characters long' }).max(512).optional(),
    ),
    SESSION_SECRET: z.preprocess(
      blankToUndefined,
      z.string().min(32, { error: 'must be at least 32 characters long' }).optional(),
    ),
    ADMIN_PASSWORD: z.preprocess(
      blankToUndefined,
      z.string().min(8, { error: 'must be at least 8 characters long' }).optional(),
    ),
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((value) => /^postgres(ql)?:\/\//.test(value), {
          error: 'must be a postgres:// or postgresql:// URL (leave unset for SQLite)',
        })
        .optional(),
    ),
    DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
    /**
     * The address people open Levelboard at (https://levelboard.example.com), for the links in
     * notifications: a message is sent by a background loop that has no request to take a host from.
     * Unset: http://localhost:<PORT>, and Settings → Notifications says so.
     */
    PUBLIC_URL: z.preprocess(blankToUndefined, httpUrl.optional()),
    /**
     * Client reports' mail server (`smtp://user:pass@host:587`, `smtps://…:465`); unset → the
     * first enabled e-mail notification channel (lib/reports/mailer.ts).
     */
    SMTP_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .refine((value) => URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol), {
          error: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587',
        })
        .optional(),
    ),
    /** The From of report e-mails; unset → the e-mail channel's From (or reports@<SMTP host>). */
    REPORT_FROM: z.preprocess(blankToUndefined, z.email({ error: 'must be an e-mail address' }).optional()),
    /** How often the notification rules look at the fleet (lib/runtime/notifications.ts); also after every sync. */
    NOTIFY_EVALUATE_SECONDS: integer(10, 1, 300),
    SYNC_INTERVAL_SECONDS: integer(30, 5, 3600),
    /**
     * Walk the device list serially (trusting only Level's cursor) at least every this many syncs,
     * even when the parallel walks agree with Level's group counts (lib/fleet/checked-walk.ts).
     */
    SYNC_FULL_WALK_EVERY: integer(10, 1, 1_000),
    /**
     * While signed webhooks arrive, the sync is only the safety net and may run this seldom
     * (lib/fleet/sync-pace.ts); 0 keeps the budget-derived interval whatever webhooks do.
     */
    SYNC_WITH_WEBHOOKS_SECONDS: integer(300, 0, 3600),
    /** Posture (lib/posture/posture-sync.ts): a device-list walk with `include_security` every this many hours. */
    POSTURE_SECURITY_HOURS: integer(6, 1, 168),
    /** Each device's `/v2/updates` at most once per this many hours (never more often than daily). */
    POSTURE_UPDATES_HOURS: integer(24, 24, 720),
    /** The Chromium that prints client report PDFs (lib/reports/pdf.ts); Debian's package path by default. */
    CHROMIUM_PATH: z.preprocess(blankToUndefined, z.string().default('/usr/bin/chromium')),
    PORT: integer(3000, 1, 65535),
    /** Level publishes no limit; 100/min is the only figure any trace gives (lib/fleet/sync-pace.ts). */
    LEVEL_REQUESTS_PER_MINUTE: integer(100, 1, 100_000),
    LEVEL_CONCURRENCY: integer(4, 1, 32),
    LEVEL_TIMEOUT_MS: integer(15_000, 500, 120_000),
    DEMO_DEVICES: integer(500, 10, 50_000),
    DEMO_SEED: integer(1, 0, 2 ** 31 - 1),
    COOKIE_SECURE: booleanFlag,
    TRUST_PROXY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .optional()
        .superRefine((value, ctx) => {
          const parsed = parseTrustProxy(value);
          if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
        }),
    ),
    AUDIT_RETENTION_DAYS: integer(400, 1, 36_500),
    /** Site down (lib/fleet/site-down.ts): this many devices of a group offline together… */
    SITE_DOWN_MIN_DEVICES: integer(5, 2, 100_000),
    /** …and at least this share of its monitored devices… */
    SITE_DOWN_MIN_PERCENT: integer(50, 1, 100),
    /** …gone within this many minutes of each other. */
    SITE_DOWN_WINDOW_MINUTES: integer(10, 1, 1_440),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    /** OIDC sign-in (lib/config/oidc-env.ts). */
    ...oidcEnvShape,
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required with DATABASE_URL (every replica must use the same one)',
      });
    }
    if (env.LEVEL_API_KEY && !env.ADMIN_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_PASSWORD'],
        message: 'is required when LEVEL_API_KEY is set (only demo mode generates one)',
      });
    }
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'is required with OIDC_ISSUER' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? 'environment');
    const hint = SECRET_VARIABLES.has(variable) ? ' (value not shown)' : '';
    return `${variable} ${issue.message}${hint}`;
  });
  return { ok: false, problems };
}

export function formatEnvProblems(problems: string[]): string {
  return ['Levelboard cannot start: invalid configuration.', ...problems.map((p) => `  - ${p}`)].join('\n');
}
