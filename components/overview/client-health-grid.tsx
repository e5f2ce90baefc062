'use client';

import { SeverityCountBadges } from '@/components/status/severity-counts';

import { StatusBar } from '@/components/status/status-bar';
import { Button } from '@/components/ui/button';
import { clientsByConcern } from '@/lib/changes';
import type { ClientSummary } from '@/lib/domain/fleet';
import { formatCount, formatPercent, onlinePct } from '@/lib/format';
import { ServerOff } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';

// A phone shows fewer tiles before "show all", so the rest of the overview stays in reach.
const FIRST = 12;
const FIRST_PHONE = 6;

/** One tile per client (top-level group), the ones needing attention first; each opens the group. */
export function ClientHealthGrid({ clients }: { clients: ClientSummary[] }) {
  const [all, setAll] = useState(false);
  const ordered = clientsByConcern(clients);
  const shown = all ? ordered : ordered.slice(0, FIRST);
  return (
    <div className="space-y-3">
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="client-grid">
        {shown.map((client) => {
          const { devices } = client.rollup;
          const pct = onlinePct(client.rollup);
          return (
            <li key={client.id} className={all ? undefined : 'max-sm:nth-[n+7]:hidden'}>
              <Link
                href={`/groups/${encodeURIComponent(client.id)}`}
                className="block h-full rounded-xl border border-line bg-raised p-3 shadow-sm hover:border-accent focus-visible:outline-2 focus-visible:outline-accent"
                data-testid="client-tile"
                data-client-id={client.id}
              >
                <div className="flex items-start justify-between gap-2">
                  <p className="min-w-0 truncate font-medium">{client.name}</p>
                  <p className="shrink-0 text-lg font-semibold tabular-nums" data-testid="client-online-pct">
                    {formatPercent(pct)}
                  </p>
                </div>
                <StatusBar devices={devices} className="my-2" />
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
                  <span>
                    {devices.total === 0
                      ? 'No devices'
                      : `${formatCount(devices.online)} of ${formatCount(devices.total - devices.maintenance)} online`}
                    {devices.maintenance ? ` · ${formatCount(devices.maintenance)} in maintenance` : ''}
                  </span>
                  {client.rollup.offlineServers ? (
                    <span className="inline-flex items-center gap-1 font-medium text-ink">
                      <ServerOff className="size-3.5 text-offline" aria-hidden />
                      {client.rollup.offlineServers} server{client.rollup.offlineServers === 1 ? '' : 's'}{' '}
                      offline
                    </span>
                  ) : null}
                  <SeverityCountBadges counts={client.rollup.alerts} className="ml-auto" />
                </div>
              </Link>
            </li>
          );
        })}
      </ul>
      {ordered.length > FIRST_PHONE ? (
        <Button
          onClick={() => setAll((value) => !value)}
          className={ordered.length > FIRST ? undefined : 'sm:hidden'}
        >
          {all ? 'Show fewer' : `Show all ${ordered.length} clients`}
        </Button>
      ) : null}
    </div>
  );
}
