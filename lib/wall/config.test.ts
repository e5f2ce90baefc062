import { resolveWallConfig } from '@/lib/wall/config';
import { describe, expect, it } from 'vitest';

const resolve = (settings: Parameters<typeof resolveWallConfig>[0], query: string) =>
  resolveWallConfig(settings, new URLSearchParams(query));

describe('resolveWallConfig', () => {
  it('uses the defaults, then the link, then the URL', () => {
    expect(resolve(null, '').config).toMatchObject({
      views: ['fleet', 'clients', 'problems', 'history'],
      intervalMs: 20_000,
      sound: false,
      holdMaxMs: 60_000,
      holdCooldownMs: 120_000,
      theme: 'dark',
      pollMs: 10_000,
      heartbeatMs: 60_000,
    });
    const link = { views: ['problems' as const], intervalSeconds: 45, sound: true, theme: 'light' as const };
    expect(resolve(link, '').config).toMatchObject({
      views: ['problems'],
      intervalMs: 45_000,
      sound: true,
      theme: 'light',
    });
    const { config, ignored } = resolve(
      link,
      'views=clients,problems&interval=20&theme=dark&poll=1&hold=600',
    );
    expect(ignored).toEqual([]);
    expect(config).toMatchObject({
      views: ['clients', 'problems'],
      intervalMs: 20_000,
      theme: 'dark',
      pollMs: 1_000,
      holdMaxMs: 600_000,
    });
  });

  it('never holds without a maximum: 0 (the old "until resolved") means the default', () => {
    expect(resolve({ holdMaxSeconds: 0 }, '').config.holdMaxMs).toBe(60_000);
    expect(resolve({ holdMaxSeconds: 300 }, '').config.holdMaxMs).toBe(300_000);
    expect(resolve(null, 'hold=0&cooldown=30').config).toMatchObject({
      holdMaxMs: 60_000,
      holdCooldownMs: 30_000,
    });
  });

  it('lets a URL silence a wall but never turn on sound its link keeps off', () => {
    expect(resolve({ sound: true }, 'sound=0').config.sound).toBe(false);
    expect(resolve({ sound: false }, 'sound=1')).toMatchObject({
      config: { sound: false },
      ignored: ['sound=1'],
    });
    expect(resolve({ sound: true }, 'sound=1').config.sound).toBe(true);
  });

  it('ignores and reports bad values instead of failing', () => {
    const { config, ignored } = resolve(
      null,
      'views=clients,bogus&interval=2&poll=abc&heapLimit=99999&theme=pink&whatever=1&name=',
    );
    expect(config.views).toEqual(['fleet', 'clients', 'problems', 'history']);
    expect(config.intervalMs).toBe(20_000);
    expect(ignored).toEqual([
      'views=clients,bogus',
      'interval=2',
      'poll=abc',
      'heapLimit=99999',
      'theme=pink',
      'whatever=1',
      'name=',
    ]);
  });

  it('takes self-care thresholds from the URL, 0 turning them off', () => {
    const { config } = resolve(null, 'maxUptime=30&heapLimit=64&shift=0&heartbeat=5&name=Reception%20TV');
    expect(config).toMatchObject({
      maxUptimeMs: 30_000,
      heapLimitBytes: 64 * 2 ** 20,
      shiftMs: 0,
      heartbeatMs: 5_000,
      name: 'Reception TV',
    });
    expect(resolve(null, 'maxUptime=0&heapLimit=0').config).toMatchObject({
      maxUptimeMs: 0,
      heapLimitBytes: 0,
    });
  });

  it('drops repeated views', () => {
    expect(resolve(null, 'views=problems,problems,fleet').config.views).toEqual(['problems', 'fleet']);
  });
});
