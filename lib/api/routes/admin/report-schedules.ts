import { auditRequest } from '@/lib/api/audit-request';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { scheduleView } from '@/lib/api/routes/admin/report-views';
import { json } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import { InvalidInputError } from '@/lib/domain/errors';
import { scheduleCreateSchema, scheduleUpdateSchema } from '@/lib/domain/report-delivery';
import { fleetService } from '@/lib/fleet/instance';
import { createSchedule, deleteSchedule, listSchedules, updateSchedule } from '@/lib/reports/schedule-store';
import 'server-only';

// Settings → Reports: the report schedules (admin only, every change audited).

/** A client is a top-level group of the fleet as last synced. */
export function requireClient(clientId: string): void {
  const node = fleetService().current()?.groupNodes.get(clientId);
  if (!node || node.parentId !== null)
    throw new InvalidInputError(`Invalid field "clientId": no client (top-level group) "${clientId}".`);
}

export const listReportSchedulesRoute = route(
  'admin.reports.schedules.list',
  async () => {
    const snapshot = fleetService().current();
    const schedules = await listSchedules(await getStore());
    return json({ schedules: schedules.map((schedule) => scheduleView(schedule, snapshot)) });
  },
  { access: 'admin' },
);

export const createReportScheduleRoute = route(
  'admin.reports.schedules.create',
  async (request, _params, access) => {
    const input = await parseBody(request, scheduleCreateSchema);
    requireClient(input.clientId);
    const store = await getStore();
    const schedule = await createSchedule(store, input, Date.now());
    await auditRequest(store, access, request, {
      action: 'report_schedule.create',
      target: schedule.id,
      detail: { clientId: schedule.clientId, definition: schedule.definition, enabled: schedule.enabled },
    });
    return json({ schedule: scheduleView(schedule, fleetService().current()) }, 201);
  },
  { access: 'admin' },
);

export const updateReportScheduleRoute = route(
  'admin.reports.schedules.update',
  async (request, params, access) => {
    const input = await parseBody(request, scheduleUpdateSchema);
    const store = await getStore();
    const schedule = await updateSchedule(store, params.id ?? '', input, Date.now());
    await auditRequest(store, access, request, {
      action: 'report_schedule.update',
      target: schedule.id,
      detail: { clientId: schedule.clientId, definition: schedule.definition, enabled: schedule.enabled },
    });
    return json({ schedule: scheduleView(schedule, fleetService().current()) });
  },
  { access: 'admin' },
);

export const deleteReportScheduleRoute = route(
  'admin.reports.schedules.delete',
  async (request, params, access) => {
    const store = await getStore();
    const schedule = await deleteSchedule(store, params.id ?? '');
    await auditRequest(store, access, request, {
      action: 'report_schedule.delete',
      target: schedule.id,
      detail: { clientId: schedule.clientId },
    });
    return json({ ok: true });
  },
  { access: 'admin' },
);
