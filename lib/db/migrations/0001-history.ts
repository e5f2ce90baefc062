import { sql, type Kysely, type Migration } from 'kysely';

// Written once for both engines: only types and syntax that SQLite and PostgreSQL share
// (bigint, integer, double precision, text; identity via the dialect-specific id column below).

const metricColumns = [
  'total',
  'online',
  'offline',
  'maintenance',
  'alerts_information',
  'alerts_warning',
  'alerts_critical',
  'alerts_emergency',
  'security_count',
] as const;

export function historyMigration(dialect: 'sqlite' | 'postgres'): Migration {
  const idColumn =
    dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: Kysely<unknown>) {
      let samples = db.schema
        .createTable('history_samples')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('t', 'bigint', (c) => c.notNull());
      for (const column of metricColumns) samples = samples.addColumn(column, 'integer', (c) => c.notNull());
      await samples
        .addColumn('security_sum', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('history_samples_pk', ['scope', 't'])
        .execute();
      await db.schema.createIndex('history_samples_t').on('history_samples').column('t').execute();

      let rollups = db.schema
        .createTable('history_rollups')
        .addColumn('resolution', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('bucket', 'bigint', (c) => c.notNull())
        .addColumn('covered_ms', 'bigint', (c) => c.notNull());
      for (const column of metricColumns)
        rollups = rollups.addColumn(column, 'double precision', (c) => c.notNull());
      await rollups
        .addColumn('security_sum', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('history_rollups_pk', ['resolution', 'scope', 'bucket'])
        .execute();
      await db.schema
        .createIndex('history_rollups_bucket')
        .on('history_rollups')
        .columns(['resolution', 'bucket'])
        .execute();

      await db.schema
        .createTable('sync_log')
        .addColumn('t', 'bigint', (c) => c.primaryKey())
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('devices', 'integer', (c) => c.notNull())
        .addColumn('level_requests', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('device_states')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('since', 'bigint', (c) => c.notNull())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('device_transitions')
        .addColumn('id', idColumn)
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('device_transitions_device_at')
        .on('device_transitions')
        .columns(['device_id', 'at'])
        .execute();
      await db.schema.createIndex('device_transitions_at').on('device_transitions').column('at').execute();

      await db.schema
        .createTable('alert_events')
        .addColumn('id', idColumn)
        .addColumn('alert_id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_events_at').on('alert_events').column('at').execute();
      await db.schema
        .createIndex('alert_events_device_at')
        .on('alert_events')
        .columns(['device_id', 'at'])
        .execute();

      await db.schema
        .createTable('key_values')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('fleet_snapshots')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('synced_at', 'bigint', (c) => c.notNull())
        .addColumn('payload', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'fleet_snapshots',
        'key_values',
        'alert_events',
        'device_transitions',
        'device_states',
        'sync_log',
        'history_rollups',
        'history_samples',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
