import { historyMigration } from '@/lib/db/migrations/0001-history';
import { accessMigration } from '@/lib/db/migrations/0002-access';
import { wallsMigration } from '@/lib/db/migrations/0003-walls';
import { sessionsMigration } from '@/lib/db/migrations/0004-sessions';
import { acknowledgementsMigration } from '@/lib/db/migrations/0005-acknowledgements';
import { webhooksMigration } from '@/lib/db/migrations/0006-webhooks';
import { usersMigration } from '@/lib/db/migrations/0007-users';
import { notificationsMigration } from '@/lib/db/migrations/0008-notifications';
import { reportsMigration } from '@/lib/db/migrations/0009-reports';
import { membershipsMigration } from '@/lib/db/migrations/0010-memberships';
import type { Migration } from 'kysely';

/** Every migration in order. Names are permanent: never rename or reorder, only append. */
export function migrations(dialect: 'sqlite' | 'postgres'): Record<string, Migration> {
  return {
    '0001-history': historyMigration(dialect),
    '0002-access': accessMigration(dialect),
    '0003-walls': wallsMigration(),
    '0004-sessions': sessionsMigration(),
    '0005-acknowledgements': acknowledgementsMigration(),
    '0006-webhooks': webhooksMigration(),
    '0007-users': usersMigration(),
    '0008-notifications': notificationsMigration(),
    '0009-reports': reportsMigration(dialect),
    '0010-memberships': membershipsMigration(),
  };
}
