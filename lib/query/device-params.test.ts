import { deviceListQuery } from '@/lib/api/schemas/devices';
import { DEVICE_ROLES } from '@/lib/domain/device';
import { DEVICE_SORT_KEYS as SORT_KEYS } from '@/lib/domain/device-sort';
import { ALERT_FILTERS, DEVICE_PLATFORMS, DEVICE_STATUSES, SORTS } from '@/lib/query/device-params';
import { describe, expect, it } from 'vitest';

// The devices page offers these values and writes them into /api/devices requests; the server's
// schema decides what it accepts. The two lists must be the same sets: a value only the browser
// knows is a 400 on screen, one only the server knows is a filter nobody can pick.

const server = deviceListQuery.shape;
const sorted = (values: readonly string[]) => [...values].sort();

describe('device list parameters', () => {
  it.each([
    ['statuses', DEVICE_STATUSES, server.status.unwrap().out.element.options],
    ['platforms', DEVICE_PLATFORMS, server.platform.unwrap().out.element.options],
    ['roles', DEVICE_ROLES, server.role.unwrap().out.element.options],
    ['alert filters', ALERT_FILTERS, server.alerts.unwrap().options],
    ['sorts', SORTS, server.sort.unwrap().options],
  ] as const)('offer exactly the %s the server accepts', (_name, browser, accepted) => {
    expect(sorted(browser)).toEqual(sorted(accepted));
  });

  it('are each accepted by the server in a request, alone and all together', () => {
    const together = {
      status: DEVICE_STATUSES.join(','),
      platform: DEVICE_PLATFORMS.join(','),
      role: DEVICE_ROLES.join(','),
    };
    expect(deviceListQuery.safeParse(together).success).toBe(true);
    for (const [field, values] of [
      ['status', DEVICE_STATUSES],
      ['platform', DEVICE_PLATFORMS],
      ['role', DEVICE_ROLES],
      ['alerts', ALERT_FILTERS],
      ['sort', SORTS],
    ] as const)
      for (const value of values)
        expect(deviceListQuery.safeParse({ [field]: value }).success, `${field}=${value}`).toBe(true);
  });

  it('sort every key both ways, and nothing else', () => {
    expect(sorted(SORTS)).toEqual(sorted(SORT_KEYS.flatMap((key) => [key, `-${key}`])));
    expect(new Set(SORTS).size).toBe(SORT_KEYS.length * 2);
    for (const bad of ['--name', 'name-', '-', 'Name', 'id'])
      expect(deviceListQuery.safeParse({ sort: bad }).success, bad).toBe(false);
  });
});
