import { levelDeviceUrl } from '@/lib/domain/level-app';
import { describe, expect, it } from 'vitest';

describe('levelDeviceUrl', () => {
  it('fills the id in, encoded, so an id cannot change the path or host', () => {
    expect(levelDeviceUrl('https://app.level.io/devices/{id}', 'Z2lk/../x?y#z')).toBe(
      'https://app.level.io/devices/Z2lk%2F..%2Fx%3Fy%23z',
    );
  });
});
