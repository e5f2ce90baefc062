import { createHmac, timingSafeEqual } from 'node:crypto';
import 'server-only';

// Level signs each delivery: `X-Level-Signature: sha256=<lowercase hex HMAC-SHA256(secret, body)>`
// over the exact bytes it sent (REFERENCE §8). The check runs on those bytes, never on a re-encoded
// JSON or a UTF-8 round trip, and compares in constant time so the answer's timing reveals nothing
// about how much of a forged signature was right.

const HEADER = /^sha256=([0-9a-f]{64})$/i;

export function sign(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function verifySignature(secret: string, body: Buffer, header: string | undefined): boolean {
  const match = header ? HEADER.exec(header.trim()) : null;
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
