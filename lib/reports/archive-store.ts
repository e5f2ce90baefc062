import type { Store } from '@/lib/db/open';
import type { ReportArchiveTable } from '@/lib/db/schema';
import type { ReportPeriod } from '@/lib/domain/report';
import type { Selectable } from 'kysely';
import { randomUUID } from 'node:crypto';
import 'server-only';

// Every report generated for sending, with its PDF. The row (and the PDF) is written before any
// mail leaves, so a report that went out is always in the archive, and a crash mid-send leaves a
// `generated` row the admin can see and send again.

export interface ArchiveRow {
  id: string;
  clientId: string;
  period: ReportPeriod;
  createdAt: number;
  trigger: 'schedule' | 'manual';
  scheduleId: string | null;
  delivery: 'attachment' | 'link' | 'none';
  recipients: string[];
  status: 'generated' | 'sent' | 'failed';
  error: string | null;
  shareLinkId: string | null;
  pdfBytes: number | null;
}

const LIST_COLUMNS = [
  'id',
  'client_id',
  'period_start',
  'period_end',
  'created_at',
  'trigger',
  'schedule_id',
  'delivery',
  'recipients',
  'status',
  'error',
  'share_link_id',
  'pdf_bytes',
] as const;

type ListRow = Pick<Selectable<ReportArchiveTable>, (typeof LIST_COLUMNS)[number]>;

function toRow(row: ListRow): ArchiveRow {
  return {
    id: row.id,
    clientId: row.client_id,
    period: { start: Number(row.period_start), end: Number(row.period_end) },
    createdAt: Number(row.created_at),
    trigger: row.trigger,
    scheduleId: row.schedule_id,
    delivery: row.delivery,
    recipients: JSON.parse(row.recipients) as string[],
    status: row.status,
    error: row.error,
    shareLinkId: row.share_link_id,
    pdfBytes: row.pdf_bytes === null ? null : Number(row.pdf_bytes),
  };
}

export async function insertArchive(
  store: Store,
  entry: Omit<ArchiveRow, 'id' | 'pdfBytes' | 'status' | 'error'> & { pdf: Buffer },
): Promise<ArchiveRow> {
  const id = randomUUID();
  await store.db
    .insertInto('report_archive')
    .values({
      id,
      client_id: entry.clientId,
      period_start: entry.period.start,
      period_end: entry.period.end,
      created_at: entry.createdAt,
      trigger: entry.trigger,
      schedule_id: entry.scheduleId,
      delivery: entry.delivery,
      recipients: JSON.stringify(entry.recipients),
      status: 'generated',
      error: null,
      share_link_id: entry.shareLinkId,
      pdf: entry.pdf,
      pdf_bytes: entry.pdf.byteLength,
    })
    .execute();
  const row = await getArchive(store, id);
  if (!row) throw new Error('archive row vanished after insert');
  return row;
}

export async function settleArchive(
  store: Store,
  id: string,
  outcome: { status: 'sent' | 'failed'; error: string | null },
): Promise<void> {
  await store.db
    .updateTable('report_archive')
    .set({ status: outcome.status, error: outcome.error })
    .where('id', '=', id)
    .execute();
}

export async function getArchive(store: Store, id: string): Promise<ArchiveRow | null> {
  const row = await store.db
    .selectFrom('report_archive')
    .select(LIST_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRow(row) : null;
}

/** Newest first; `before` pages on (entries created strictly before it). */
export async function listArchive(
  store: Store,
  query: { clientId?: string; before?: number; limit: number },
): Promise<ArchiveRow[]> {
  let select = store.db.selectFrom('report_archive').select(LIST_COLUMNS);
  if (query.clientId) select = select.where('client_id', '=', query.clientId);
  if (query.before !== undefined) select = select.where('created_at', '<', query.before);
  const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map(toRow);
}

export async function readArchivePdf(store: Store, id: string): Promise<Buffer | null> {
  const row = await store.db
    .selectFrom('report_archive')
    .select(['pdf'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.pdf ? Buffer.from(row.pdf) : null;
}

/** The PDF sent with a report link (the link's own report), newest if it was sent twice. */
export async function pdfOfLink(store: Store, linkId: string): Promise<Buffer | null> {
  const row = await store.db
    .selectFrom('report_archive')
    .select(['pdf'])
    .where('share_link_id', '=', linkId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.pdf ? Buffer.from(row.pdf) : null;
}
