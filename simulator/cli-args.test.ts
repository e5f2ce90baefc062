import { CliError, parseCliArgs } from '@/simulator/cli-args';
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
      },
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
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, random)).toThrow(CliError);
    expect(() => parseCliArgs(argv, random)).toThrow(message);
  });
});
