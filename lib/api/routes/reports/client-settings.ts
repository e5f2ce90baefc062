import { auditRequest } from '@/lib/api/audit-request';
import { parseBody } from '@/lib/api/body';
import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { requireClient } from '@/lib/api/routes/reports/client-lookup';
import { json } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import { clientReportSettingsView, type ClientReportSettingsResponse } from '@/lib/domain/availability-view';
import { clientReportSettingsSchema } from '@/lib/domain/report-settings';
import { readClientReportSettings, writeClientReportSettings } from '@/lib/reports/client-settings';
import 'server-only';

// Settings → Reports → Clients: one client's report settings (admin only). Unknown clients are 404.

export const getClientReportSettingsRoute = route(
  'admin.reports.client_settings.get',
  async (_request, params, access) => {
    const client = requireClient(readFleet(access), params.clientId ?? '');
    const settings = await readClientReportSettings(await getStore(), client.id);
    const body: ClientReportSettingsResponse = {
      clientId: client.id,
      clientName: client.name,
      settings: clientReportSettingsView(settings),
    };
    return json(body);
  },
  { access: 'admin' },
);

export const putClientReportSettingsRoute = route(
  'admin.reports.client_settings.put',
  async (request, params, access) => {
    const client = requireClient(readFleet(access), params.clientId ?? '');
    const settings = await parseBody(request, clientReportSettingsSchema.strict());
    const store = await getStore();
    await writeClientReportSettings(store, client.id, settings, Date.now());
    await auditRequest(store, access, request, {
      action: 'client_report_settings.update',
      target: client.id,
      detail: {
        timeZone: settings.timeZone,
        slaTargets: settings.slaTargets,
        slaHours: settings.slaHours,
        contacts: settings.contacts.length,
      },
    });
    const body: ClientReportSettingsResponse = {
      clientId: client.id,
      clientName: client.name,
      settings: clientReportSettingsView(settings),
    };
    return json(body);
  },
  { access: 'admin' },
);
