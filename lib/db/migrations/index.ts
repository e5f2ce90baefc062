import { historyMigration } from '@/lib/db/migrations/0001-history';
import type { Migration } from 'kysely';

/** Every migration in order. Names are permanent: never rename or reorder, only append. */
export function migrations(dialect: 'sqlite' | 'postgres'): Record<string, Migration> {
  return {
    '0001-history': historyMigration(dialect),
  };
}
