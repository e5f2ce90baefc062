import { auditRequest } from '@/lib/api/audit-request';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import { reportBrandingSchema, type ReportBranding } from '@/lib/domain/report-settings';
import { readBranding, writeBranding } from '@/lib/reports/branding';
import 'server-only';
import { z } from 'zod';

// The MSP's branding on every report (admin only). The logo is a data URL inside the JSON body,
// size-checked by the schema (the body limit of the handler applies first).

// All three fields, always: a PUT says the whole branding (an empty body must not reset it).
const { shape } = reportBrandingSchema;
const putSchema = z.strictObject({
  name: shape.name.unwrap(),
  colour: shape.colour.unwrap(),
  logoDataUrl: shape.logoDataUrl.unwrap(),
});

const view = (b: ReportBranding): ReportBranding => ({
  name: b.name,
  logoDataUrl: b.logoDataUrl,
  colour: b.colour,
});

export const getBrandingRoute = route(
  'admin.reports.branding.get',
  async () => json({ branding: view(await readBranding(await getStore())) }),
  { access: 'admin' },
);

export const putBrandingRoute = route(
  'admin.reports.branding.put',
  async (request, _params, access) => {
    const input = await parseBody(request, putSchema);
    const store = await getStore();
    await writeBranding(store, input, Date.now());
    await auditRequest(store, access, request, {
      action: 'report.branding.update',
      target: null,
      // The logo itself is not worth an audit row; its size is.
      detail: { name: input.name, colour: input.colour, logoBytes: input.logoDataUrl?.length ?? 0 },
    });
    return json({ branding: view(input) });
  },
  { access: 'admin' },
);
