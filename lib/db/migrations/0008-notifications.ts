import type { Kysely, Migration } from 'kysely';

// Notifications (issue 19).
// - `notification_channels`: where messages go (e-mail, Teams, Slack, ntfy, PagerDuty, a signed
//   webhook). `config` is JSON without secrets (shown to admins); `secret` is the sealed JSON of
//   what must never be shown again (webhook URLs carry their token, SMTP passwords, routing keys).
// - `notification_rules`: which events, where, when (lib/domain/notifications.ts `ruleSchema`).
// - `notification_incidents`: per rule, one row per open condition it watches (a device offline, an
//   alert, a site down, ...). Delay, grouping, repeat and recovery are decided from these rows, so a
//   restart neither forgets an incident nor announces it again.
// - `notification_outbox`: a message is written here, in the same transaction as the incident rows
//   that produced it, before anything is sent; the sync leader sends pending rows and records the
//   receiver's answer on the row. It doubles as the delivery log.
export function notificationsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notification_channels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('secret', 'text')
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('notification_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('notification_incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('signal_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('since', 'bigint', (c) => c.notNull())
        .addColumn('detected_at', 'bigint', (c) => c.notNull())
        .addColumn('notified_at', 'bigint')
        .addColumn('last_sent_at', 'bigint')
        .addColumn('resolved_at', 'bigint')
        .addColumn('recovery_sent_at', 'bigint')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notification_incidents_rule')
        .on('notification_incidents')
        .columns(['rule_id', 'resolved_at'])
        .execute();
      await db.schema
        .createTable('notification_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('claimed_at', 'bigint')
        .addColumn('claimed_by', 'text')
        .addColumn('sent_at', 'bigint')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('last_answer', 'text')
        .execute();
      await db.schema
        .createIndex('notification_outbox_due')
        .on('notification_outbox')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('notification_outbox_log')
        .on('notification_outbox')
        .columns(['channel_id', 'created_at'])
        .execute();
      // The per-channel rate cap counts the attempts of the last minute (lib/notify/deliver.ts).
      await db.schema
        .createIndex('notification_outbox_window')
        .on('notification_outbox')
        .columns(['channel_id', 'claimed_at'])
        .execute();
      await db.schema
        .createIndex('notification_outbox_created')
        .on('notification_outbox')
        .column('created_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('notification_outbox').execute();
      await db.schema.dropTable('notification_incidents').execute();
      await db.schema.dropTable('notification_rules').execute();
      await db.schema.dropTable('notification_channels').execute();
    },
  };
}
