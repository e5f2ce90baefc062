import type { SimulatorOptions } from '@/simulator';
import { DEVICE_ORDERS, UNKNOWN_CURSORS } from '@/simulator/listing';
import {
  applyPatch,
  DEFAULT_WEBHOOK_SETTINGS,
  webhookSettingsPatch,
  type WebhookSettings,
} from '@/simulator/webhook-settings';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `Usage: tsx simulator/cli.ts [options]

  --devices <n>          fleet size, 1-200000 (default 250)
  --seed <n>             PRNG seed; same seed, same fleet (default 1)
  --port <n>             listen port, 0 = random free port (default 4010)
  --host <addr>          listen address (default 127.0.0.1)
  --key <key>            read-write API key (default: a random key, printed)
  --read-only-key <key>  optional read-only API key
  --control-token <t>    X-Simulator-Control value for /_sim (default: the API key)
  --tick-ms <ms>         time-evolution period (default 10000)
  --frozen               start with time evolution paused
  --rate-limit <n>       requests per minute before 429 (default 0 = unlimited)
  --unknown-cursor <m>   a cursor naming a deleted device: position | error | empty | restart
                         (default position: the id keeps its place)
  --device-order <o>     device list order: id | last_seen (default id)
  --quiet                no log output besides the banner
  --webhook-url <url>    send Level's webhooks here (default: none, webhooks off)
  --webhook-secret <s>   sign them: X-Level-Signature: sha256=<hmac> (default: unsigned)
  --webhook-events <l>   comma-separated event types, or "all" (default all)
  --webhook-compression <n>  divide Level's ~2 min retry waits by n (default 1)
  --webhook-duplicates <p>   chance 0-1 that a delivered event is sent twice (default 0)
  --webhook-reruns <p>   chance 0-1 per delivery that an older event is re-run (default 0)
  --webhook-reorder-ms <ms>  hold events this long and send each batch newest first (default 0)
  --webhook-timeout-ms <ms>  per attempt (default 10000)
  --help                 show this text`;

export type CliResult = { kind: 'help' } | { kind: 'run'; options: SimulatorOptions; generatedKey: boolean };

export class CliError extends Error {}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^[0-9]+$/.test(raw)) throw new CliError(`--${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new CliError(`--${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new CliError(`--${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function text(name: string, raw: string | undefined): string | undefined {
  if (raw !== undefined && raw.trim() === '') throw new CliError(`--${name} must not be empty`);
  return raw;
}

/** Pure: turns argv into options or throws CliError with a message fit for the terminal. */
export function parseCliArgs(argv: string[], randomKey: () => string): CliResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        devices: { type: 'string' },
        seed: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        key: { type: 'string' },
        'read-only-key': { type: 'string' },
        'control-token': { type: 'string' },
        'tick-ms': { type: 'string' },
        'rate-limit': { type: 'string' },
        'unknown-cursor': { type: 'string' },
        'device-order': { type: 'string' },
        frozen: { type: 'boolean' },
        quiet: { type: 'boolean' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'webhook-events': { type: 'string' },
        'webhook-compression': { type: 'string' },
        'webhook-duplicates': { type: 'string' },
        'webhook-reruns': { type: 'string' },
        'webhook-reorder-ms': { type: 'string' },
        'webhook-timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };
  const key = text('key', values.key);
  const readOnlyKey = text('read-only-key', values['read-only-key']);
  const apiKey = key ?? randomKey();
  if (readOnlyKey !== undefined && readOnlyKey === apiKey)
    throw new CliError('--read-only-key must differ from --key');
  return {
    kind: 'run',
    generatedKey: key === undefined,
    options: {
      apiKey,
      readOnlyKey,
      controlToken: text('control-token', values['control-token']),
      devices: integer('devices', values.devices, 250, 1, 200_000),
      seed: integer('seed', values.seed, 1, 0, 2 ** 32 - 1),
      port: integer('port', values.port, 4010, 0, 65_535),
      host: text('host', values.host) ?? '127.0.0.1',
      tickMs: integer('tick-ms', values['tick-ms'], 10_000, 10, 86_400_000),
      rateLimitPerMinute: integer('rate-limit', values['rate-limit'], 0, 0, 1_000_000),
      frozen: values.frozen ?? false,
      listing: {
        unknownCursor: oneOf('unknown-cursor', values['unknown-cursor'], UNKNOWN_CURSORS, 'position'),
        deviceOrder: oneOf('device-order', values['device-order'], DEVICE_ORDERS, 'id'),
      },
      quiet: values.quiet ?? false,
      webhooks: webhookOptions(values),
    },
  };
}

const decimal = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^[0-9]+(\.[0-9]+)?$/.test(raw)) throw new CliError(`--${name} must be a number, got "${raw}"`);
  return Number(raw);
};

/** The --webhook-* flags, checked by the same schema as PUT /_sim/webhooks. */
function webhookOptions(values: Record<string, string | boolean | undefined>): WebhookSettings {
  const raw = (name: string) => {
    const value = values[`webhook-${name}`];
    return typeof value === 'string' ? value : undefined;
  };
  const events = raw('events');
  const result = webhookSettingsPatch.safeParse({
    url: text('webhook-url', raw('url')),
    secret: text('webhook-secret', raw('secret')),
    events:
      events === undefined || events.trim() === 'all'
        ? undefined
        : events.split(',').map((type) => type.trim()),
    compression: decimal('webhook-compression', raw('compression')),
    duplicates: decimal('webhook-duplicates', raw('duplicates')),
    reruns: decimal('webhook-reruns', raw('reruns')),
    reorder_ms: decimal('webhook-reorder-ms', raw('reorder-ms')),
    timeout_ms: decimal('webhook-timeout-ms', raw('timeout-ms')),
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const flag = `--webhook-${String(issue?.path[0] ?? '').replace('_ms', '-ms')}`;
    throw new CliError(`${flag}: ${issue?.message ?? z.prettifyError(result.error)}`);
  }
  return applyPatch(DEFAULT_WEBHOOK_SETTINGS, result.data);
}
