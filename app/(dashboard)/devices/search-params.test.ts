import { parseDeviceView, serializeDeviceView } from '@/app/(dashboard)/devices/search-params';
import { describe, expect, it } from 'vitest';

describe('device view in the URL', () => {
  it('round-trips every filter', () => {
    const url =
      'q=lap&status=offline,maintenance&group=g1&tag=VIP&platform=windows&role=server&alerts=critical&flag=Do+not+reboot&sort=-lastSeen';
    const view = parseDeviceView(new URLSearchParams(url));
    expect(view).toEqual({
      q: 'lap',
      status: ['offline', 'maintenance'],
      group: 'g1',
      tag: 'VIP',
      platform: ['windows'],
      role: ['server'],
      alerts: 'critical',
      flag: 'Do not reboot',
      sort: '-lastSeen',
    });
    expect(serializeDeviceView(view).toString()).toBe(new URLSearchParams(url).toString());
  });

  it('drops what it cannot read and keeps the rest', () => {
    const view = parseDeviceView(
      new URLSearchParams('status=sleeping,online&sort=colour&alerts=maybe&q=%20'),
    );
    expect(view).toEqual({ status: ['online'], platform: [], role: [], sort: 'name' });
    expect(serializeDeviceView(view).toString()).toBe('status=online');
    expect(serializeDeviceView(view, true).toString()).toBe('status=online&sort=name');
  });
});
