import type { Kysely, Migration } from 'kysely';

// Level's webhooks (issue 17). One row per event Levelboard accepted (signature valid), keyed by
// Level's `event_id`, so a retry or a hand-made re-run is recognised as a duplicate even after a
// restart or on another replica. `resource_key` + `occurred_at` answer "has a newer event for this
// alert/device/group been applied?" (out-of-order delivery). `applied_at` is null until the sync
// leader has applied the event: a follower that receives one patches only its own copy and leaves
// it for the leader, which publishes it to every replica. The payload is kept until then only.
// The leader prunes rows after a retention period (lib/runtime/webhook-relay.ts).
export function webhooksMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhook_events')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('resource_key', 'text')
        .addColumn('occurred_at', 'bigint', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('applied_at', 'bigint')
        .addColumn('payload', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_events_received')
        .on('webhook_events')
        .column('received_at')
        .execute();
      await db.schema
        .createIndex('webhook_events_resource')
        .on('webhook_events')
        .columns(['resource_key', 'occurred_at'])
        .execute();
      await db.schema
        .createIndex('webhook_events_pending')
        .on('webhook_events')
        .column('applied_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('webhook_events').execute();
    },
  };
}
