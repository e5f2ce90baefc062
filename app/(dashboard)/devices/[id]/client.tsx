'use client';

import {
  DEVICE_RANGES,
  parseDeviceDetailView,
  serializeDeviceDetailView,
} from '@/app/(dashboard)/devices/[id]/search-params';
import { DeviceActionsCard } from '@/components/actions/device-actions-card';
import { DeviceAlerts } from '@/components/devices/device-alerts';
import { DeviceAvailability } from '@/components/devices/device-availability';
import { DeviceBreadcrumb } from '@/components/devices/device-breadcrumb';
import { DeviceDetailNotice } from '@/components/devices/device-detail-notice';
import { DeviceIdentity } from '@/components/devices/device-identity';
import { DeviceNetwork } from '@/components/devices/device-network';
import { DeviceSecurity } from '@/components/devices/device-security';
import { DeviceStorage } from '@/components/devices/device-storage';
import { DeviceHardware, DeviceOs } from '@/components/devices/device-system';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton, SkeletonLines } from '@/components/ui/skeleton';
import { useUrlState } from '@/lib/hooks/use-url-state';
import { cachedDeviceRow, deviceQuery, deviceSnapshotQuery, type DeviceResponse } from '@/lib/query/devices';
import { LevelboardApiError } from '@/lib/query/fetch-json';
import { groupNamesQuery } from '@/lib/query/groups';
import { deviceHistoryQuery } from '@/lib/query/history';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { MonitorX } from 'lucide-react';
import Link from 'next/link';

const DETAIL_SECTIONS = ['Security', 'Operating system', 'Hardware', 'Storage', 'Network'];

export function DeviceClient({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [view, setView] = useUrlState(parseDeviceDetailView, serializeDeviceDetailView);
  // Identity, status and alerts from the snapshot (never waits on Level), at once; the detail
  // sections fill in when the second query, which asks Level, answers or fails.
  const snapshot = useQuery({
    ...deviceSnapshotQuery(id),
    // From a list already in memory until the snapshot answers.
    placeholderData: (): DeviceResponse | undefined => {
      const row = cachedDeviceRow(queryClient, id);
      return row
        ? {
            device: row,
            detail: null,
            detailError: null,
            detailFetchedAt: null,
            alerts: [],
            syncedAt: null,
            stale: false,
          }
        : undefined;
    },
  });
  const full = useQuery(deviceQuery(id));
  const history = useQuery(deviceHistoryQuery(id, view.range));
  const groups = useQuery(groupNamesQuery());

  const notFound = [snapshot.error, full.error].some(
    (error) => error instanceof LevelboardApiError && error.status === 404,
  );
  if (notFound) {
    return (
      <div className="space-y-4">
        <PageHeader title="Device not found" />
        <EmptyState
          icon={MonitorX}
          title="Levelboard does not know this device"
          action={
            <Link href="/devices" className="text-accent underline">
              Back to all devices
            </Link>
          }
          testId="device-not-found"
        >
          It may have been removed from Level, or the link is wrong.
        </EmptyState>
      </div>
    );
  }

  const settled = snapshot.data && !snapshot.isPlaceholderData ? snapshot.data : full.data;
  const data = settled ?? snapshot.data;
  const detail = full.data?.detail ?? null;
  return (
    <div className="space-y-4">
      <PageHeader
        title={data ? data.device.displayName : <Skeleton className="h-8 w-56" />}
        eyebrow={data ? <DeviceBreadcrumb device={data.device} groups={groups.data?.groups} /> : null}
      >
        {data ? <DeviceIdentity device={data.device} /> : null}
      </PageHeader>
      {snapshot.isError && !data ? (
        <ErrorPanel message={snapshot.error.message} onRetry={() => void snapshot.refetch()} />
      ) : null}
      {full.data?.detailError ? (
        <DeviceDetailNotice reason={full.data.detailError} fetchedAt={full.data.detailFetchedAt} />
      ) : full.isError && !full.data ? (
        <DeviceDetailNotice reason={full.error.message} fetchedAt={null} />
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <DeviceAvailability
          history={history}
          ranges={DEVICE_RANGES}
          range={view.range}
          onRange={(range) => setView({ range })}
        />
        {/* Alerts first after availability: what a technician acts on. */}
        {settled ? (
          <DeviceAlerts deviceId={id} alerts={settled.alerts} />
        ) : (
          <Card id="loading-alerts" title="Alerts">
            <SkeletonLines lines={2} label="Loading alerts" />
          </Card>
        )}
        {settled ? (
          <DeviceActionsCard
            device={settled.device}
            notes={detail ? detail.notes : undefined}
            groups={groups.data?.groups}
          />
        ) : null}
        {full.isPending ? (
          DETAIL_SECTIONS.map((title) => (
            <Card key={title} id={`loading-${title.toLowerCase().replace(/\W+/g, '-')}`} title={title}>
              <SkeletonLines lines={4} label={`Loading ${title.toLowerCase()}`} />
            </Card>
          ))
        ) : detail ? (
          <>
            <DeviceSecurity detail={detail} />
            <DeviceOs detail={detail} />
            <DeviceHardware detail={detail} />
            <DeviceStorage detail={detail} />
            <DeviceNetwork detail={detail} />
          </>
        ) : null}
      </div>
    </div>
  );
}
