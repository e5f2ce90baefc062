import type { Kysely, Migration } from 'kysely';

// Acknowledgements (issue 16): "someone is on it", kept by Levelboard because Level's API can only
// resolve. One row per problem key (lib/domain/acknowledgement.ts): an alert id, or a device id
// plus the time it went offline, so a problem that resolves and returns has a new key and its old
// row no longer applies. `by` is always "admin" today; the column waits for team accounts.
export function acknowledgementsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('acknowledgements')
        .addColumn('problem_key', 'text', (c) => c.primaryKey())
        .addColumn('by', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('acknowledgements_at').on('acknowledgements').column('at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('acknowledgements').execute();
    },
  };
}
