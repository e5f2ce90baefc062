import type { Store } from '@/lib/db/open';
import { reportBrandingSchema, type ReportBranding } from '@/lib/domain/report-settings';
import 'server-only';

// The MSP's name, logo and colour on every report, one row in key_values.
export const BRANDING_KEY = 'report.branding';

export const DEFAULT_BRANDING: ReportBranding = reportBrandingSchema.parse({});

/** The stored branding, or the defaults when none (or an unreadable one) is stored. */
export async function readBranding(store: Store): Promise<ReportBranding> {
  const row = await store.db
    .selectFrom('key_values')
    .select('value')
    .where('key', '=', BRANDING_KEY)
    .executeTakeFirst();
  if (!row) return DEFAULT_BRANDING;
  try {
    const parsed = reportBrandingSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_BRANDING;
  } catch {
    return DEFAULT_BRANDING;
  }
}

export async function writeBranding(store: Store, branding: ReportBranding, now: number): Promise<void> {
  const value = JSON.stringify(reportBrandingSchema.parse(branding));
  await store.db
    .insertInto('key_values')
    .values({ key: BRANDING_KEY, value, updated_at: now })
    .onConflict((c) => c.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
