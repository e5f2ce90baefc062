import type { Kysely, Migration } from 'kysely';

// Client reports (issue 20).
// - `device_posture`: the latest security posture (from `include_security` on the device list) and
//   patch summary (from `/v2/updates`) per device. Updates are fetched per device on a slow cadence,
//   so the summary must survive a restart instead of being fetched again for every device.
// - `posture_samples`: one row per scope (`fleet` or a client group id) and UTC day: the posture
//   figures of that day's last sample, so a trend and a month's report read a handful of rows.
// - `client_report_settings`: per client, the time zone, business hours, SLA targets, contacts and
//   the thresholds the report uses (lib/domain/report-settings.ts).
// - `report_schedules`: when a client's report is generated and e-mailed.
// - `report_archive`: every report generated for sending (and "send now"), with its PDF, who it went
//   to and what the SMTP server answered.
// - `share_links.report_period`: a report link (kind `report`) names the period it shows.
export function reportsMigration(dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('device_posture')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('security', 'text')
        .addColumn('security_synced_at', 'bigint')
        .addColumn('patches', 'text')
        .addColumn('patches_synced_at', 'bigint')
        .execute();
      await db.schema
        .createTable('posture_samples')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('day', 'bigint', (c) => c.notNull())
        .addColumn('t', 'bigint', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('posture_samples_pk', ['scope', 'day'])
        .execute();
      await db.schema
        .createTable('client_report_settings')
        .addColumn('client_id', 'text', (c) => c.primaryKey())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('report_schedules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('next_run_at', 'bigint')
        .addColumn('last_run_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('report_schedules_next_run')
        .on('report_schedules')
        .columns(['enabled', 'next_run_at'])
        .execute();
      await db.schema
        .createTable('report_archive')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('period_start', 'bigint', (c) => c.notNull())
        .addColumn('period_end', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('schedule_id', 'text')
        .addColumn('delivery', 'text', (c) => c.notNull())
        .addColumn('recipients', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('share_link_id', 'text')
        .addColumn('pdf', dialect === 'postgres' ? 'bytea' : 'blob')
        .addColumn('pdf_bytes', 'integer')
        .execute();
      await db.schema
        .createIndex('report_archive_client_created')
        .on('report_archive')
        .columns(['client_id', 'created_at'])
        .execute();
      await db.schema.alterTable('share_links').addColumn('report_period', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('share_links').dropColumn('report_period').execute();
      for (const table of [
        'report_archive',
        'report_schedules',
        'client_report_settings',
        'posture_samples',
        'device_posture',
      ])
        await db.schema.dropTable(table).execute();
    },
  };
}
