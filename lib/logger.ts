import pino, { type DestinationStream } from 'pino';
import 'server-only';

// Every log line passes through one scrubber before it reaches stdout, so a secret that slips
// into a message, an error or a nested object is still replaced — not only known field names.
const secrets = new Set<string>();

/** Registers a value (API key, session secret, share token…) that must never reach a log line. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function scrubSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}

const scrubbingStdout: DestinationStream = {
  write(line: string) {
    process.stdout.write(scrubSecrets(line));
  },
};

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { app: 'levelboard' },
    redact: {
      paths: [
        'apiKey',
        '*.apiKey',
        'key',
        'token',
        '*.token',
        'password',
        '*.password',
        'headers.authorization',
        'headers.cookie',
        '*.headers.authorization',
        '*.headers.cookie',
      ],
      censor: '[REDACTED]',
    },
  },
  scrubbingStdout,
);
