import type { Store } from '@/lib/db/open';
import {
  clientReportSettingsSchema,
  DEFAULT_CLIENT_REPORT_SETTINGS,
  type ClientReportSettings,
} from '@/lib/domain/report-settings';
import { logger } from '@/lib/logger';
import 'server-only';

// Per-client report settings (time zone, business hours, SLA targets, contacts, thresholds), one
// JSON row per client. A client nobody configured reads as the defaults; a stored row is parsed
// with the same schema, so a field added later gets its default instead of breaking old rows.

function parseStored(clientId: string, text: string): ClientReportSettings {
  try {
    const parsed = clientReportSettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: a row that is not JSON reads as the defaults, like a schema mismatch.
  }
  logger.warn({ clientId }, 'Stored client report settings are invalid; using the defaults');
  return structuredClone(DEFAULT_CLIENT_REPORT_SETTINGS);
}

export async function readClientReportSettings(
  store: Store,
  clientId: string,
): Promise<ClientReportSettings> {
  const row = await store.db
    .selectFrom('client_report_settings')
    .select('settings')
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ? parseStored(clientId, row.settings) : structuredClone(DEFAULT_CLIENT_REPORT_SETTINGS);
}

/** Every configured client's settings (clients missing from the map use the defaults). */
export async function readAllClientReportSettings(store: Store): Promise<Map<string, ClientReportSettings>> {
  const rows = await store.db
    .selectFrom('client_report_settings')
    .select(['client_id', 'settings'])
    .execute();
  return new Map(rows.map((row) => [row.client_id, parseStored(row.client_id, row.settings)]));
}

/** Validates (throws the zod error on bad input) and stores. */
export async function writeClientReportSettings(
  store: Store,
  clientId: string,
  settings: ClientReportSettings,
  now: number,
): Promise<void> {
  const valid = clientReportSettingsSchema.parse(settings);
  const text = JSON.stringify(valid);
  await store.db
    .insertInto('client_report_settings')
    .values({ client_id: clientId, settings: text, updated_at: now })
    .onConflict((conflict) => conflict.column('client_id').doUpdateSet({ settings: text, updated_at: now }))
    .execute();
}
