import { audit } from '@/lib/auth/audit';
import { listAuditView } from '@/lib/auth/audit-view';
import { createShareLink, findShareLink, revokeShareLink, updateWallSettings } from '@/lib/auth/share-links';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

const base = { scope: { kind: 'fleet' as const }, redact: false };

describe.each(ENGINES)('share-link management on %s', (engine) => {
  it('edits only a usable wall link', async () => {
    const store = await openTestStore(engine);
    try {
      const now = 1_000_000;
      const wall = await createShareLink(
        store,
        { ...base, name: 'Lobby', kind: 'wall', expiresAt: null },
        now,
      );
      const viewer = await createShareLink(
        store,
        { ...base, name: 'Tech', kind: 'viewer', expiresAt: now + 10 },
        now,
      );
      const expired = await createShareLink(
        store,
        { ...base, name: 'Old', kind: 'wall', expiresAt: now + 10 },
        now,
      );
      const revoked = await createShareLink(
        store,
        { ...base, name: 'Gone', kind: 'wall', expiresAt: null },
        now,
      );
      await revokeShareLink(store, revoked.link.id, now);

      expect(await updateWallSettings(store, wall.link.id, { theme: 'light' }, now + 20)).toBe(true);
      expect((await findShareLink(store, wall.link.id))?.wall).toEqual({ theme: 'light' });
      expect(await updateWallSettings(store, viewer.link.id, { theme: 'light' }, now + 5)).toBe(false);
      expect(await updateWallSettings(store, expired.link.id, { theme: 'light' }, now + 20)).toBe(false);
      expect(await updateWallSettings(store, revoked.link.id, { theme: 'light' }, now + 20)).toBe(false);
      expect(await updateWallSettings(store, 'no-such-id', { theme: 'light' }, now)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('lists the audit log with link names resolved, ids kept', async () => {
    const store = await openTestStore(engine);
    try {
      const { link } = await createShareLink(store, {
        ...base,
        name: 'Acme tech',
        kind: 'viewer',
        expiresAt: null,
      });
      await audit(store, { actor: 'admin', action: 'share_link.create', target: link.id, result: 'ok' }, 1);
      await audit(
        store,
        { actor: `link:${link.id}`, action: 'share_link.use', target: link.id, result: 'ok' },
        2,
      );
      await audit(
        store,
        { actor: 'admin', action: 'share_link.revoke', target: 'vanished', result: 'ok' },
        3,
      );
      await audit(
        store,
        { actor: 'admin', action: 'wall.forget', target: `${link.id}:screen`, result: 'ok' },
        4,
      );

      const entries = await listAuditView(store);
      expect(
        entries.map((entry) => [entry.action, entry.actorLabel, entry.targetLabel, entry.target]),
      ).toEqual([
        ['wall.forget', 'admin', null, `${link.id}:screen`],
        ['share_link.revoke', 'admin', 'deleted link', 'vanished'],
        ['share_link.use', 'link “Acme tech”', 'Acme tech', link.id],
        ['share_link.create', 'admin', 'Acme tech', link.id],
      ]);
    } finally {
      await store.close();
    }
  });
});
