'use client';

import { AvailabilityPanel } from '@/components/reports/AvailabilityPanel';
import { Card } from '@/components/ui/card';
import { QueryView } from '@/components/ui/query-view';
import { Segmented } from '@/components/ui/segmented';
import { SkeletonLines } from '@/components/ui/skeleton';
import { availabilityQuery } from '@/lib/query/reports';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

const HOURS = [
  { value: 'all', label: 'All hours' },
  { value: 'business', label: 'Business hours' },
] as const;

/** This month's availability of a client (its SLA hours first), on the client's group page. */
export function ClientAvailabilityCard({ clientId }: { clientId: string }) {
  const [hours, setHours] = useState<'all' | 'business' | null>(null);
  const query = useQuery(availabilityQuery(clientId, hours));
  const shown = hours ?? query.data?.availability.hours ?? 'all';
  return (
    <Card
      id="client-availability"
      title="Availability this month"
      testId="client-availability"
      actions={<Segmented label="Hours counted" options={HOURS} value={shown} onChange={setHours} />}
    >
      <QueryView query={query} skeleton={<SkeletonLines lines={6} label="Loading availability" />}>
        {(data) => <AvailabilityPanel availability={data.availability} />}
      </QueryView>
    </Card>
  );
}
