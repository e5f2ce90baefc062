'use client';

import { ArchiveTable } from '@/components/report-delivery/archive-table';
import { ScheduleEditor } from '@/components/report-delivery/schedule-editor';
import { ScheduleList } from '@/components/report-delivery/schedule-list';
import { SendNow } from '@/components/report-delivery/send-now';
import { Section } from '@/components/settings/section';
import type { ReportScheduleView } from '@/lib/domain/report-delivery';
import { fleetClientsQuery } from '@/lib/query/groups';
import { reportSchedulesQuery } from '@/lib/query/report-delivery';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';

/** Settings → Reports: schedules, "send now" with a preview, and the archive of what was sent. */
export function ReportsHub() {
  const clients = useQuery(fleetClientsQuery());
  const schedules = useQuery(reportSchedulesQuery());
  const [editing, setEditing] = useState<ReportScheduleView | null>(null);
  const clientList = (clients.data?.clients ?? []).map((client) => ({ id: client.id, name: client.name }));
  return (
    <div className="space-y-8">
      <div>
        <Link href="/settings" className="text-sm font-medium text-accent underline underline-offset-2">
          ← Settings
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Client reports</h1>
        <p className="mt-1 text-sm text-muted">
          Monthly reports per client, e-mailed through the e-mail notification channel (or SMTP_URL) as a PDF
          or an expiring report link.
        </p>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
          <Link
            href="/settings/reports/clients"
            className="text-sm font-medium text-accent underline underline-offset-2"
          >
            Client settings (time zone, SLA, contacts) →
          </Link>
          <Link
            href="/settings/reports/branding"
            className="text-sm font-medium text-accent underline underline-offset-2"
          >
            Branding →
          </Link>
        </div>
      </div>
      <Section
        id="report-schedules-heading"
        title="Schedules"
        description="When each client's report is generated and sent, in the time zone you choose. A time skipped by a clock change runs just after it."
      >
        <ScheduleList schedules={schedules.data?.schedules ?? []} onEdit={setEditing} />
        <h3 className="mt-5 mb-2 text-sm font-semibold">
          {editing ? 'Change the schedule' : 'Add a schedule'}
        </h3>
        <ScheduleEditor clients={clientList} editing={editing} onDone={() => setEditing(null)} />
      </Section>
      <Section
        id="report-send-heading"
        title="Send now"
        description="Generate one report now: e-mail it, or only archive it. Preview opens the same report as a page."
      >
        <SendNow clients={clientList} />
      </Section>
      <Section
        id="report-archive-heading"
        title="Archive"
        description="Every report generated for sending, with its PDF and what the mail server answered."
      >
        <ArchiveTable />
      </Section>
    </div>
  );
}
