'use client';

import { wallProblemsQuery } from '@/lib/query/wall';
import { useQuery } from '@tanstack/react-query';
import { format } from 'date-fns';
import { ServerOff } from 'lucide-react';
import Link from 'next/link';

/**
 * Groups whose devices went offline together (lib/fleet/site-down.ts): one line per site, with
 * the count and since when, rather than a wall of offline devices. Nothing when no site is down.
 */
export function SitesDown() {
  const problems = useQuery(wallProblemsQuery());
  const sites = (problems.data?.problems ?? []).filter(
    (problem) => problem.kind === 'site_down' && problem.site,
  );
  if (sites.length === 0) return null;
  return (
    <section
      aria-label="Sites down"
      className="rounded-md border border-offline bg-offline/10 p-3"
      data-testid="sites-down"
    >
      <ul className="space-y-1">
        {sites.map(({ site, groupPath, deviceId }) =>
          site ? (
            <li key={deviceId} className="flex flex-wrap items-center gap-2 text-sm" data-testid="site-down">
              <ServerOff aria-hidden className="size-4 text-offline" />
              <span className="font-semibold">Site down</span>
              <Link href={`/groups/${encodeURIComponent(site.groupId)}`} className="font-medium underline">
                {groupPath.join(' / ')}
              </Link>
              <span className="text-muted">
                {site.offline} of {site.monitored} devices offline since{' '}
                {format(Date.parse(site.since), 'd MMM HH:mm')}
              </span>
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}
