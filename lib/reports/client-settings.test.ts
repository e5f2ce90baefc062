import { DEFAULT_CLIENT_REPORT_SETTINGS } from '@/lib/domain/report-settings';
import { readClientReportSettings, writeClientReportSettings } from '@/lib/reports/client-settings';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';

describe.each(ENGINES)('client report settings on %s', (engine) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  it('reads the defaults for a client nobody configured, then what was written, per client', async () => {
    expect(await readClientReportSettings(store, 'acme')).toEqual(DEFAULT_CLIENT_REPORT_SETTINGS);
    const acme = {
      ...DEFAULT_CLIENT_REPORT_SETTINGS,
      timeZone: 'America/New_York',
      businessHours: { days: [1, 2, 3, 4, 5, 6], from: '07:30', to: '19:00' },
      slaTargets: { serversPct: 99.95, workstationsPct: 98 },
      slaHours: 'business' as const,
      contacts: ['it@acme.example'],
    };
    await writeClientReportSettings(store, 'acme', acme, 1);
    // A second write replaces the first (upsert on both engines).
    await writeClientReportSettings(store, 'acme', { ...acme, offlineLongerThanDays: 45 }, 2);
    expect(await readClientReportSettings(store, 'acme')).toEqual({ ...acme, offlineLongerThanDays: 45 });
    expect(await readClientReportSettings(store, 'other')).toEqual(DEFAULT_CLIENT_REPORT_SETTINGS);
  });

  it('refuses invalid settings and reads a damaged row as the defaults', async () => {
    await expect(
      writeClientReportSettings(
        store,
        'acme',
        { ...DEFAULT_CLIENT_REPORT_SETTINGS, timeZone: 'Mars/Olympus' },
        1,
      ),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await store.db.selectFrom('client_report_settings').selectAll().execute()).toEqual([]);
    await store.db
      .insertInto('client_report_settings')
      .values({ client_id: 'acme', settings: '{"timeZone": 42', updated_at: 1 })
      .execute();
    expect(await readClientReportSettings(store, 'acme')).toEqual(DEFAULT_CLIENT_REPORT_SETTINGS);
    // An older row missing a later field gets that field's default.
    await store.db
      .updateTable('client_report_settings')
      .set({ settings: '{"timeZone": "Europe/Paris"}' })
      .where('client_id', '=', 'acme')
      .execute();
    expect(await readClientReportSettings(store, 'acme')).toEqual({
      ...DEFAULT_CLIENT_REPORT_SETTINGS,
      timeZone: 'Europe/Paris',
    });
  });
});
