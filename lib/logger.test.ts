import { registerSecret, scrubSecrets } from '@/lib/logger';
import { describe, expect, it } from 'vitest';

describe('log scrubbing', () => {
  it('replaces every registered secret wherever it appears in a line', () => {
    registerSecret('k3y-Sup3r-S3cret');
    const line = JSON.stringify({
      msg: 'failed with k3y-Sup3r-S3cret',
      nested: { header: 'k3y-Sup3r-S3cret' },
    });
    expect(scrubSecrets(line)).not.toContain('k3y-Sup3r-S3cret');
    expect(scrubSecrets(line)).toContain('[REDACTED]');
  });

  it('ignores values too short to be secrets', () => {
    registerSecret('ab');
    expect(scrubSecrets('about')).toBe('about');
  });
});
