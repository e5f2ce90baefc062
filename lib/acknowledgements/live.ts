import { lookupOf } from '@/lib/acknowledgements/acknowledged';
import {
  deleteAcknowledgements,
  listAcknowledgements,
  saveAcknowledgements,
  type StoredAcknowledgement,
} from '@/lib/acknowledgements/repository';
import { getStore } from '@/lib/db/instance';
import type { AcknowledgementOf } from '@/lib/domain/acknowledgement';
import { processWide } from '@/lib/process-wide';
import 'server-only';

// The process's copy of the acknowledgements, so polled routes answer from memory (and stay
// synchronous on the fast path). Reloaded from the database in the background when older than
// 1 s, which is how another replica's acknowledgement shows here within about 2 s; one made by
// this process applies at once. `version` changes with the contents and is part of every ETag of
// an answer that carries acknowledgements.

const REFRESH_MS = 1_000;

interface LiveCopy {
  rows: Map<string, StoredAcknowledgement>;
  lookup: AcknowledgementOf;
  version: number;
  signature: string;
  loadedAt: number;
  /** When this process last wrote: a reload that started before it would bring back the old rows. */
  writtenAt: number;
  loading: Promise<void> | null;
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    acknowledgements: { copy?: LiveCopy };
  }
}

const shared = processWide('acknowledgements', () => ({}));

const signatureOf = (rows: readonly StoredAcknowledgement[]) =>
  rows.map((row) => `${row.key}\u0001${row.at}\u0001${row.note ?? ''}`).join('\u0002');

function install(copy: LiveCopy, unsorted: StoredAcknowledgement[]): void {
  const rows = unsorted.toSorted((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const signature = signatureOf(rows);
  if (signature === copy.signature) return;
  copy.rows = new Map(rows.map((row) => [row.key, row]));
  copy.lookup = lookupOf(rows);
  copy.signature = signature;
  copy.version += 1;
}

async function load(copy: LiveCopy): Promise<void> {
  const startedAt = Date.now();
  const rows = await listAcknowledgements(await getStore());
  if (copy.writtenAt >= startedAt) return; // read again on the next call
  install(copy, rows);
  copy.loadedAt = startedAt;
}

function reload(copy: LiveCopy): Promise<void> {
  copy.loading ??= load(copy).finally(() => {
    copy.loading = null;
  });
  return copy.loading;
}

export interface AcknowledgementView {
  lookup: AcknowledgementOf;
  version: number;
}

const viewOf = (copy: LiveCopy): AcknowledgementView => ({ lookup: copy.lookup, version: copy.version });

/** The copy in memory (starting a background reload when due), or undefined before the first load. */
export function acknowledgementsNow(): AcknowledgementView | undefined {
  const copy = shared.copy;
  if (!copy || copy.loadedAt === Number.NEGATIVE_INFINITY) return undefined;
  if (Date.now() - copy.loadedAt >= REFRESH_MS) void reload(copy).catch(() => {});
  return viewOf(copy);
}

function copyOf(): LiveCopy {
  shared.copy ??= {
    rows: new Map(),
    lookup: () => null,
    version: 0,
    signature: '',
    loadedAt: Number.NEGATIVE_INFINITY,
    writtenAt: Number.NEGATIVE_INFINITY,
    loading: null,
  };
  return shared.copy;
}

/** The copy, waiting for the first load if there has been none. */
export async function acknowledgements(): Promise<AcknowledgementView> {
  const now = acknowledgementsNow();
  if (now) return now;
  const copy = copyOf();
  await reload(copy);
  return viewOf(copy);
}

export async function acknowledge(acks: readonly StoredAcknowledgement[]): Promise<void> {
  await saveAcknowledgements(await getStore(), acks);
  const copy = copyOf();
  copy.writtenAt = Date.now();
  const replaced = new Set(acks.map((ack) => ack.key));
  install(copy, [...[...copy.rows.values()].filter((row) => !replaced.has(row.key)), ...acks]);
}

/** Returns how many of `keys` were acknowledged. */
export async function unacknowledge(keys: readonly string[]): Promise<number> {
  const removed = await deleteAcknowledgements(await getStore(), keys, Number.MAX_SAFE_INTEGER);
  const copy = copyOf();
  copy.writtenAt = Date.now();
  const gone = new Set(keys);
  install(
    copy,
    [...copy.rows.values()].filter((row) => !gone.has(row.key)),
  );
  return removed;
}

/** After the leader pruned rows: read them again. */
export const reloadAcknowledgements = () => reload(copyOf());
