'use client';

import { ClientSettingsForm } from '@/components/reports/client-settings-form';
import { inputClass } from '@/components/settings/section';
import { QueryView } from '@/components/ui/query-view';
import { SkeletonLines } from '@/components/ui/skeleton';
import { fleetClientsQuery } from '@/lib/query/groups';
import { clientReportSettingsQuery } from '@/lib/query/reports';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';

// Settings → Reports → Clients: pick a client, edit what its reports and SLA use.

export function ClientReportSettingsAdmin({ initialClientId }: { initialClientId: string | null }) {
  const clients = useQuery(fleetClientsQuery());
  const list = clients.data?.clients ?? [];
  const [chosen, setChosen] = useState<string | null>(initialClientId);
  const clientId = chosen && list.some((client) => client.id === chosen) ? chosen : (list[0]?.id ?? null);
  const settings = useQuery({ ...clientReportSettingsQuery(clientId ?? ''), enabled: clientId !== null });

  const choose = (id: string) => {
    setChosen(id);
    // Keep the choice in the address, so a reload or a shared link opens the same client.
    window.history.replaceState(null, '', `/settings/reports/clients?client=${encodeURIComponent(id)}`);
  };

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-muted">
          <Link href="/settings" className="hover:text-ink hover:underline">
            Settings
          </Link>{' '}
          /{' '}
          <Link href="/settings/reports" className="hover:text-ink hover:underline">
            Reports
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Client report settings</h1>
        <p className="max-w-3xl text-sm text-muted">
          Each client&apos;s time zone and business hours, its availability targets (SLA), who receives its
          reports, and the thresholds its report lists devices by. A client nobody configured uses the
          defaults.
        </p>
      </div>
      <QueryView
        query={clients}
        skeleton={<SkeletonLines lines={2} label="Loading clients" />}
        isEmpty={(data) => data.clients.length === 0}
        empty={
          <p className="text-sm text-muted">No clients yet: clients are Level&apos;s top-level groups.</p>
        }
      >
        {() => (
          <label className="block max-w-md">
            <span className="text-sm font-medium">Client</span>
            <select
              value={clientId ?? ''}
              onChange={(event) => choose(event.target.value)}
              className={inputClass}
              data-testid="report-client-picker"
            >
              {list.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </QueryView>
      {clientId ? (
        <QueryView query={settings} skeleton={<SkeletonLines lines={10} label="Loading settings" />}>
          {(data) => (
            <ClientSettingsForm
              key={data.clientId}
              clientId={data.clientId}
              clientName={data.clientName}
              initial={data.settings}
            />
          )}
        </QueryView>
      ) : null}
    </div>
  );
}
