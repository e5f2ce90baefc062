import { migrate } from '@/lib/db/open';
import { ENGINES, openTestStore } from '@/testing/stores';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

describe.each(ENGINES)('migrations on %s', (engine) => {
  it('creates every table on an empty database, and a second run is a no-op', async () => {
    const store = await openTestStore(engine, { migrate: false });
    try {
      const first = await migrate(store);
      expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual([
        ['0001-history', 'Success'],
        ['0002-access', 'Success'],
        ['0003-walls', 'Success'],
        ['0004-sessions', 'Success'],
        ['0005-acknowledgements', 'Success'],
        ['0006-webhooks', 'Success'],
        ['0007-users', 'Success'],
        ['0008-notifications', 'Success'],
        ['0009-reports', 'Success'],
        ['0010-memberships', 'Success'],
      ]);
      const second = await migrate(store);
      expect(second.results).toEqual([]);
      for (const table of [
        'history_samples',
        'history_rollups',
        'sync_log',
        'device_states',
        'device_transitions',
        'alert_events',
        'key_values',
        'fleet_snapshots',
        'share_links',
        'audit_log',
        'wall_screens',
        'ended_sessions',
        'acknowledgements',
        'webhook_events',
        'users',
        'user_invites',
        'user_sessions',
        'device_posture',
        'posture_samples',
        'client_report_settings',
        'report_schedules',
        'report_archive',
        'device_memberships',
        'client_departures',
        'notification_channels',
        'notification_rules',
        'notification_incidents',
        'notification_outbox',
      ] as const) {
        const rows = await store.db
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(rows.n), table).toBe(0);
      }
    } finally {
      await store.close();
    }
  });

  it('stores epoch milliseconds in BIGINT columns and reads them back as numbers', async () => {
    const store = await openTestStore(engine);
    try {
      const t = Date.UTC(2026, 10, 26, 12, 0, 0, 123);
      await store.db
        .insertInto('sync_log')
        .values({ t, duration_ms: 12, devices: 3, level_requests: 4 })
        .execute();
      const row = await store.db.selectFrom('sync_log').selectAll().executeTakeFirstOrThrow();
      expect(row).toEqual({ t, duration_ms: 12, devices: 3, level_requests: 4 });
    } finally {
      await store.close();
    }
  });
});
