import type { Store } from '@/lib/db/open';
import 'server-only';

// The acknowledgements table. One row per problem key: acknowledging again replaces the note.

export interface StoredAcknowledgement {
  key: string;
  by: string;
  note: string | null;
  at: number;
}

export async function saveAcknowledgement(store: Store, ack: StoredAcknowledgement): Promise<void> {
  const row = { by: ack.by, note: ack.note, at: ack.at };
  await store.db
    .insertInto('acknowledgements')
    .values({ problem_key: ack.key, by: row.by, note: row.note, at: row.at })
    .onConflict((conflict) => conflict.column('problem_key').doUpdateSet(row))
    .execute();
}

/** Several at once, in one transaction. */
export async function saveAcknowledgements(
  store: Store,
  acks: readonly StoredAcknowledgement[],
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (const ack of acks) {
      const row = { by: ack.by, note: ack.note, at: ack.at };
      await trx
        .insertInto('acknowledgements')
        .values({ problem_key: ack.key, by: row.by, note: row.note, at: row.at })
        .onConflict((conflict) => conflict.column('problem_key').doUpdateSet(row))
        .execute();
    }
  });
}

/** True when there was one to remove. */
export async function deleteAcknowledgement(store: Store, key: string): Promise<boolean> {
  const result = await store.db
    .deleteFrom('acknowledgements')
    .where('problem_key', '=', key)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listAcknowledgements(store: Store): Promise<StoredAcknowledgement[]> {
  const rows = await store.db
    .selectFrom('acknowledgements')
    .select(['problem_key', 'by', 'note', 'at'])
    .orderBy('problem_key')
    .execute();
  return rows.map((row) => ({ key: row.problem_key, by: row.by, note: row.note, at: Number(row.at) }));
}

/** Deletes the given keys, but only rows written before `before` (one acknowledged meanwhile stays). */
export async function deleteAcknowledgements(
  store: Store,
  keys: readonly string[],
  before: number,
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < keys.length; i += 500) {
    const result = await store.db
      .deleteFrom('acknowledgements')
      .where('problem_key', 'in', keys.slice(i, i + 500))
      .where('at', '<', before)
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}
