import { hashPassword, needsRehash, verifyPassword } from '@/lib/users/password';
import { describe, expect, it } from 'vitest';

describe('password hashing', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    // The stored string names the algorithm and its memory-hard parameters, never the password.
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('horse');
  });

  it('salts every hash apart, so equal passwords do not look equal', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password here'),
      hashPassword('same password here'),
    ]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('same password here', a)).toBe(true);
    expect(await verifyPassword('same password here', b)).toBe(true);
  });

  it('verifies a hash made with older parameters and asks for a rehash', async () => {
    const weak = await hashPassword('an older password', { N: 2 ** 12, r: 8, p: 1 });
    expect(await verifyPassword('an older password', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    const current = await hashPassword('an older password');
    expect(needsRehash(current)).toBe(false);
  });

  it('matches nothing against a malformed or tampered stored string', async () => {
    const stored = await hashPassword('tamper with me please');
    const parts = stored.split('$');
    expect(await verifyPassword('tamper with me please', 'plain-text')).toBe(false);
    // A row asking for gigabytes of memory is refused rather than computed.
    expect(
      await verifyPassword('tamper with me please', ['scrypt', 2 ** 24, ...parts.slice(2)].join('$')),
    ).toBe(false);
    expect(needsRehash('plain-text')).toBe(true);
  });
});
