import { createShareLink, revokeShareLink } from '@/lib/auth/share-links';
import { heartbeatSchema } from '@/lib/domain/heartbeat';
import {
  MAX_SCREENS_PER_LINK,
  forgetWallScreen,
  listWallScreens,
  recordHeartbeat,
  type HeartbeatRecord,
} from '@/lib/screens/registry';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

const beat = (patch: Partial<HeartbeatRecord> = {}): HeartbeatRecord => ({
  ...heartbeatSchema.parse({
    screenId: 'screen-0001',
    view: 'clients',
    build: 'build-a',
    viewport: '1920x1080',
    uptimeSeconds: 60,
    heartbeatSeconds: 60,
  }),
  linkId: null,
  ip: '10.0.0.7',
  userAgent: 'Chromium',
  ...patch,
});

describe.each(ENGINES)('wall screens on %s', (engine) => {
  it('keeps one row per link and screen with its last contact and report', async () => {
    const store = await openTestStore(engine);
    try {
      const { link } = await createShareLink(store, {
        name: 'Acme office',
        kind: 'wall',
        scope: { kind: 'fleet' },
        redact: false,
        expiresAt: null,
        wall: { intervalSeconds: 30 },
      });
      await recordHeartbeat(store, beat({ linkId: link.id, name: 'Reception' }), 1_000);
      await recordHeartbeat(store, beat({ linkId: link.id, view: 'hold', uptimeSeconds: 120 }), 61_000);
      await recordHeartbeat(store, beat({ screenId: 'screen-0002' }), 62_000);

      const walls = await listWallScreens(store, 'build-a', 62_000);
      expect(walls.map((wall) => [wall.id, wall.linkState])).toEqual([
        ['admin:screen-0002', 'admin'],
        [`${link.id}:screen-0001`, 'active'],
      ]);
      expect(walls[1]).toMatchObject({
        linkName: 'Acme office',
        screenId: 'screen-0001',
        name: null,
        firstSeenAt: 1_000,
        lastSeenAt: 61_000,
        view: 'hold',
        uptimeSeconds: 120,
        viewport: '1920x1080',
        ip: '10.0.0.7',
        silent: false,
        outdated: false,
      });
    } finally {
      await store.close();
    }
  });

  it('flags silent and outdated screens and follows the link’s state', async () => {
    const store = await openTestStore(engine);
    try {
      const { link } = await createShareLink(store, {
        name: 'Lobby',
        kind: 'wall',
        scope: { kind: 'fleet' },
        redact: false,
        expiresAt: null,
      });
      await recordHeartbeat(store, beat({ linkId: link.id }), 0);
      const fiveMinutes = 5 * 60_000;
      expect((await listWallScreens(store, 'build-a', fiveMinutes))[0]?.silent).toBe(false);
      expect((await listWallScreens(store, 'build-a', fiveMinutes + 1))[0]?.silent).toBe(true);
      expect((await listWallScreens(store, 'build-b', 0))[0]?.outdated).toBe(true);
      await recordHeartbeat(store, beat({ linkId: link.id, heartbeatSeconds: 600 }), 0);
      expect((await listWallScreens(store, 'build-a', 29 * 60_000))[0]?.silent).toBe(false);
      await revokeShareLink(store, link.id, 10);
      expect((await listWallScreens(store, 'build-a', 20))[0]?.linkState).toBe('revoked');
    } finally {
      await store.close();
    }
  });

  it('caps the screens of one link, replacing the longest silent', async () => {
    const store = await openTestStore(engine);
    try {
      for (let n = 0; n < MAX_SCREENS_PER_LINK + 2; n += 1) {
        await recordHeartbeat(store, beat({ screenId: `screen-${String(n).padStart(4, '0')}` }), n);
      }
      const walls = await listWallScreens(store, 'build-a', 100);
      expect(walls).toHaveLength(MAX_SCREENS_PER_LINK);
      expect(walls.some((wall) => wall.screenId === 'screen-0000')).toBe(false);
      expect(walls.some((wall) => wall.screenId === 'screen-0051')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('forgets a screen by id', async () => {
    const store = await openTestStore(engine);
    try {
      await recordHeartbeat(store, beat(), 0);
      expect(await forgetWallScreen(store, 'admin:screen-0001')).toBe(true);
      expect(await forgetWallScreen(store, 'admin:screen-0001')).toBe(false);
      expect(await listWallScreens(store, 'build-a', 0)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
