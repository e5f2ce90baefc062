import type { Kysely, Migration } from 'kysely';

// Team accounts (issue 18). A `users` row is a person: a role, a scope (JSON, lib/domain/scope.ts),
// and the ways they sign in — a local password (scrypt), a TOTP secret (sealed like the API key)
// with one-time recovery codes (hashed), or an OIDC identity (issuer + subject). Bumping
// `session_generation` ends every session of that person at once (disable, password reset).
// `user_invites` holds one-time links (invite, password reset) by the SHA-256 of their token.
// `user_sessions` lists sessions per person for "sign out"; the break-glass admin's have no user.
// `audit_log.actor_id` names the person behind an entry so the audit page can filter by them.
export function usersMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('totp_secret', 'text')
        .addColumn('totp_enabled_at', 'bigint')
        .addColumn('totp_last_step', 'bigint')
        .addColumn('recovery_codes', 'text')
        .addColumn('oidc_issuer', 'text')
        .addColumn('oidc_subject', 'text')
        .addColumn('disabled_at', 'bigint')
        .addColumn('session_generation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('last_sign_in_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('users_oidc_identity')
        .on('users')
        .columns(['oidc_issuer', 'oidc_subject'])
        .unique()
        .execute();
      await db.schema
        .createTable('user_invites')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema.createIndex('user_invites_user').on('user_invites').column('user_id').execute();
      await db.schema
        .createTable('user_sessions')
        .addColumn('session_id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text')
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('ended_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('user_sessions_user')
        .on('user_sessions')
        .columns(['user_id', 'expires_at'])
        .execute();
      await db.schema.alterTable('audit_log').addColumn('actor_id', 'text').execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('audit_log_actor').execute();
      await db.schema.alterTable('audit_log').dropColumn('actor_id').execute();
      await db.schema.dropTable('user_sessions').execute();
      await db.schema.dropTable('user_invites').execute();
      await db.schema.dropTable('users').execute();
    },
  };
}
