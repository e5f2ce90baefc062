import type { Kysely, Migration } from 'kysely';

// Server-side session state (issue 13): admin sessions ended before their cookie expires
// (logout). Rows are kept only until the cookie could have expired anyway. The generation that
// "sign out everywhere" advances lives in `key_values`.
export function sessionsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('ended_sessions')
        .addColumn('session_id', 'text', (c) => c.primaryKey())
        .addColumn('ended_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ended_sessions_expires')
        .on('ended_sessions')
        .column('expires_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('ended_sessions').execute();
    },
  };
}
