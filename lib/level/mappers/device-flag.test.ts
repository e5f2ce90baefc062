import { toDevice } from '@/lib/level/mappers';
import { levelDeviceSchema } from '@/lib/level/schemas';
import { describe, expect, it } from 'vitest';

// Level's device `flag` ("active flag on the device", string or null): mapped tolerantly, since
// one odd value must never fail a page of devices.

const base = { id: 'Z2lkOi8vbGV2ZWwvRGV2aWNlLzE', hostname: 'WS-01', online: true };
const flagOf = (flag: unknown) => toDevice(levelDeviceSchema.parse({ ...base, flag })).flag;

describe('device flag', () => {
  it('keeps a flag as Level sent it', () => {
    expect(flagOf('Do not reboot')).toBe('Do not reboot');
    expect(flagOf('🔥 Replace PSU')).toBe('🔥 Replace PSU');
  });

  it('is null when absent, null or blank', () => {
    expect(toDevice(levelDeviceSchema.parse(base)).flag).toBeNull();
    expect(flagOf(null)).toBeNull();
    expect(flagOf('   ')).toBeNull();
  });

  it('collapses whitespace so one flag typed twice filters as one', () => {
    expect(flagOf('  Do   not\treboot ')).toBe('Do not reboot');
  });

  it('nulls a value of an unknown shape instead of failing the device', () => {
    expect(flagOf({ name: 'Investigating', color: 'red' })).toBeNull();
    expect(flagOf(['a', 'b'])).toBeNull();
    expect(flagOf(42)).toBeNull();
  });

  it('cuts an overlong flag rather than dropping it', () => {
    expect(flagOf('x'.repeat(500))).toHaveLength(120);
  });
});
