import type { Kysely, Migration } from 'kysely';

// Wall screens and their last contact (issue 7). One row per (share link, screen): `id` joins the
// two because an admin's own wall has no link and NULLs never collide in a unique key.
export function wallsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('wall_screens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('link_id', 'text')
        .addColumn('screen_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('wall_screens_link').on('wall_screens').column('link_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('wall_screens').execute();
    },
  };
}
