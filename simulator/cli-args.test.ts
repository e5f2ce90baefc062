import { CliError, parseCliArgs } from '@/simulator/cli-args';
import { DEFAULT_WEBHOOK_SETTINGS } from '@/simulator/webhook-settings';
import { describe, expect, it } from 'vitest';

const random = () => 'generated-key';

describe('CLI arguments', () => {
  it('parses every flag', () => {
    const result = parseCliArgs(
      [
        '--devices',
        '10000',
        '--port',
        '4010',
        '--seed',
        '7',
        '--key',
        'k',
        '--read-only-key',
        'r',
        '--control-token',
        't',
        '--tick-ms',
        '500',
        '--frozen',
        '--rate-limit',
        '600',
        '--host',
        '0.0.0.0',
      ],
      random,
    );
    expect(result).toEqual({
      kind: 'run',
      generatedKey: false,
      options: {
        apiKey: 'k',
        readOnlyKey: 'r',
        controlToken: 't',
        devices: 10_000,
        seed: 7,
        port: 4010,
        host: '0.0.0.0',
        tickMs: 500,
        rateLimitPerMinute: 600,
        frozen: true,
        listing: { unknownCursor: 'position', deviceOrder: 'id' },
        quiet: false,
        webhooks: DEFAULT_WEBHOOK_SETTINGS,
      },
    });
  });

  it('parses the webhook flags into the settings PUT /_sim/webhooks takes', () => {
    const result = parseCliArgs(
      [
        '--webhook-url',
        'http://127.0.0.1:3000/api/webhooks/level',
        '--webhook-secret',
        's3cret',
        '--webhook-events',
        'alert_active, alert_resolved',
        '--webhook-compression',
        '120',
        '--webhook-duplicates',
        '0.25',
        '--webhook-reruns',
        '0.1',
        '--webhook-reorder-ms',
        '500',
        '--webhook-timeout-ms',
        '2000',
      ],
      random,
    );
    expect(result.kind === 'run' && result.options.webhooks).toEqual({
      url: 'http://127.0.0.1:3000/api/webhooks/level',
      secret: 's3cret',
      events: ['alert_active', 'alert_resolved'],
      compression: 120,
      duplicates: 0.25,
      reruns: 0.1,
      reorderMs: 500,
      timeoutMs: 2000,
    });
  });

  it('defaults sensibly and generates a key', () => {
    const result = parseCliArgs([], random);
    expect(result).toMatchObject({
      kind: 'run',
      generatedKey: true,
      options: { apiKey: 'generated-key', devices: 250, port: 4010, seed: 1, frozen: false },
    });
    expect(parseCliArgs(['--help'], random)).toEqual({ kind: 'help' });
  });

  it.each([
    [['--devices', 'abc'], /--devices must be a whole number/],
    [['--devices', '0'], /--devices must be between 1 and 200000/],
    [['--port', '70000'], /--port must be between/],
    [['--key', ''], /--key must not be empty/],
    [['--key', 'same', '--read-only-key', 'same'], /must differ/],
    [['--bogus'], /bogus/],
    [['stray'], /stray|positional/i],
    [['--webhook-url', 'ftp://x'], /--webhook-url/],
    [['--webhook-duplicates', '2'], /--webhook-duplicates/],
    [['--webhook-compression', 'fast'], /--webhook-compression must be a number/],
    [['--webhook-events', 'alert_active,alert_exploded'], /--webhook-events/],
    [['--webhook-reorder-ms', '1.5'], /--webhook-reorder-ms/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, random)).toThrow(CliError);
    expect(() => parseCliArgs(argv, random)).toThrow(message);
  });
});
