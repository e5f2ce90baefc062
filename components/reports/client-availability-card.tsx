'use client';

import { AvailabilityPanel } from '@/components/reports/AvailabilityPanel';
import { Card } from '@/components/ui/card';
import { QueryView } from '@/components/ui/query-view';
import { Segmented } from '@/components/ui/segmented';
import { SkeletonLines } from '@/components/ui/skeleton';
import { availabilityQuery } from '@/lib/query/reports';
import { sessionQuery } from '@/lib/query/session';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';

const HOURS = [
  { value: 'all', label: 'All hours' },
  { value: 'business', label: 'Business hours' },
] as const;

/** This month's availability of a client (its SLA hours first), on the client's group page. */
export function ClientAvailabilityCard({ clientId }: { clientId: string }) {
  const [hours, setHours] = useState<'all' | 'business' | null>(null);
  const query = useQuery(availabilityQuery(clientId, hours));
  const admin = useQuery(sessionQuery()).data?.role === 'admin';
  const shown = hours ?? query.data?.availability.hours ?? 'all';
  return (
    <Card
      id="client-availability"
      title="Availability this month"
      testId="client-availability"
      actions={<Segmented label="Hours counted" options={HOURS} value={shown} onChange={setHours} />}
    >
      <QueryView query={query} skeleton={<SkeletonLines lines={6} label="Loading availability" />}>
        {(data) => (
          <>
            <AvailabilityPanel availability={data.availability} maxBreaches={5} maxIncidents={3} />
            {admin ? (
              <p className="mt-3 text-xs text-muted">
                Targets, business hours and time zone are set in{' '}
                <Link
                  href={`/settings/reports/clients?client=${encodeURIComponent(clientId)}`}
                  className="text-accent underline underline-offset-2"
                  data-testid="client-availability-settings-link"
                >
                  client report settings
                </Link>
                .
              </p>
            ) : null}
          </>
        )}
      </QueryView>
    </Card>
  );
}
