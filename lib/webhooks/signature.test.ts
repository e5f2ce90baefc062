import { sign, verifySignature } from '@/lib/webhooks/signature';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';

describe('X-Level-Signature', () => {
  const secret = 'whsec-0123456789';
  const body = Buffer.from('{"event_type":"alert_active","event_id":"e1"}');

  it('is sha256=<lowercase hex HMAC-SHA256(secret, exact body)>', () => {
    const expected = createHmac('sha256', secret).update(body).digest('hex');
    expect(sign(secret, body)).toBe(`sha256=${expected}`);
    expect(verifySignature(secret, body, `sha256=${expected}`)).toBe(true);
  });

  it('refuses a missing, malformed, truncated or foreign signature', () => {
    const good = sign(secret, body);
    for (const header of [undefined, '', 'sha256=', good.slice(0, -2), `sha1=${good.slice(7)}`, `${good}00`])
      expect(verifySignature(secret, body, header), String(header)).toBe(false);
    expect(verifySignature('another-secret-xyz', body, good)).toBe(false);
  });

  it('checks the raw bytes, not their UTF-8 decoding (invalid UTF-8 would decode to U+FFFD)', () => {
    const raw = Buffer.concat([body, Buffer.from([0xff, 0xfe])]);
    const signature = sign(secret, raw);
    expect(verifySignature(secret, raw, signature)).toBe(true);
    expect(verifySignature(secret, Buffer.from(raw.toString('utf8')), signature)).toBe(false);
  });
});
