import type { StoredAcknowledgement } from '@/lib/acknowledgements/repository';
import type { Acknowledgement, AcknowledgementOf } from '@/lib/domain/acknowledgement';

// Which problems are acknowledged: a stored row applies while its key is one of the problems that
// exist now. The rest are stale (the problem resolved, or came back under a new key) and only wait
// to be pruned; they never apply, whatever the timing of the prune.

export function whichAcknowledged(
  rows: readonly StoredAcknowledgement[],
  liveKeys: ReadonlySet<string>,
): { live: Map<string, Acknowledgement>; stale: string[] } {
  const live = new Map<string, Acknowledgement>();
  const stale: string[] = [];
  for (const row of rows) {
    if (liveKeys.has(row.key)) live.set(row.key, { note: row.note, at: new Date(row.at).toISOString() });
    else stale.push(row.key);
  }
  return { live, stale };
}

/** A lookup over the rows as stored (routes ask only for keys of problems that exist now). */
export function lookupOf(rows: readonly StoredAcknowledgement[]): AcknowledgementOf {
  const byKey = new Map(rows.map((row) => [row.key, { note: row.note, at: new Date(row.at).toISOString() }]));
  return (key) => byKey.get(key) ?? null;
}
