import type { Kysely, Migration } from 'kysely';

// Which client each device belongs to, and when it left one (issue 20: a report lists the devices
// removed in its period). Level forgets a deleted device and device_states is dropped with it, so
// without these a removed device could not be attributed to any client afterwards.
// - `device_memberships`: per device Level lists, its client (top-level group; null when ungrouped),
//   name and class as last seen, and since when it is in that client. Written on changes only.
// - `client_departures`: a device leaving a client, because Level no longer lists it (`removed`) or
//   it went to another group outside the client (`moved`). Pruned with the other events (400 days).
export function membershipsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('device_memberships')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('client_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('device_class', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('client_departures')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('left_at', 'bigint', (c) => c.notNull())
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('device_class', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('client_departures_pk', ['client_id', 'device_id', 'left_at'])
        .execute();
      await db.schema
        .createIndex('client_departures_left_at')
        .on('client_departures')
        .column('left_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('client_departures').execute();
      await db.schema.dropTable('device_memberships').execute();
    },
  };
}
