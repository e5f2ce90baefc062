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
import { cachedDeviceRow, deviceQuery, type DeviceResponse } from '@/lib/query/devices';
import { LevelboardApiError } from '@/lib/query/fetch-json';
import { groupsQuery } from '@/lib/query/groups';
import { deviceHistoryQuery } from '@/lib/query/history';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CloudOff, MonitorX } from 'lucide-react';
import Link from 'next/link';

const DETAIL_SECTIONS = ['Security', 'Operating system', 'Hardware', 'Storage', 'Network'];

export function DeviceClient({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [view, setView] = useUrlState(parseDeviceDetailView, serializeDeviceDetailView);
  const device = useQuery({
    ...deviceQuery(id),
    // Identity and status from a list already in memory while the detail is fetched from Level.
    placeholderData: (): DeviceResponse | undefined => {
      const row = cachedDeviceRow(queryClient, id);
      return row
        ? { device: row, detail: null, detailError: null, alerts: [], syncedAt: null, stale: false }
        : undefined;
    },
  });
  const history = useQuery(deviceHistoryQuery(id, view.range));
  const groups = useQuery(groupsQuery());

  if (device.error instanceof LevelboardApiError && device.error.status === 404) {
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

  const data = device.data;
  const detailLoading = device.isPlaceholderData || (!data && device.isPending);
  return (
    <div className="space-y-4">
      <PageHeader
        title={data ? data.device.displayName : <Skeleton className="h-8 w-56" />}
        eyebrow={data ? <DeviceBreadcrumb device={data.device} groups={groups.data?.groups} /> : null}
      >
        {data ? <DeviceIdentity device={data.device} /> : null}
      </PageHeader>
      {device.isError && !data ? (
        <ErrorPanel message={device.error.message} onRetry={() => void device.refetch()} />
      ) : null}
      {data?.detailError ? (
        <div
          role="status"
          className="flex items-start gap-3 rounded-xl border border-warning/60 bg-warning/10 p-4 text-sm"
          data-testid="detail-error"
        >
          <CloudOff className="mt-0.5 size-5 shrink-0 text-muted" aria-hidden />
          <p>
            <span className="font-medium">Level did not return this device’s details.</span>{' '}
            <span className="text-muted">Showing what the last sync knows. ({data.detailError})</span>
          </p>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <DeviceAvailability
          history={history}
          ranges={DEVICE_RANGES}
          range={view.range}
          onRange={(range) => setView({ range })}
        />
        {/* Alerts first after availability: what a technician acts on. */}
        {data && !device.isPlaceholderData ? (
          <DeviceAlerts deviceId={id} alerts={data.alerts} />
        ) : (
          <Card id="loading-alerts" title="Alerts">
            <SkeletonLines lines={2} label="Loading alerts" />
          </Card>
        )}
        {data && !device.isPlaceholderData ? (
          <DeviceActionsCard
            device={data.device}
            notes={data.detail ? data.detail.notes : undefined}
            groups={groups.data?.groups}
          />
        ) : null}
        {detailLoading ? (
          DETAIL_SECTIONS.map((title) => (
            <Card key={title} id={`loading-${title.toLowerCase().replace(/\W+/g, '-')}`} title={title}>
              <SkeletonLines lines={4} label={`Loading ${title.toLowerCase()}`} />
            </Card>
          ))
        ) : data?.detail ? (
          <>
            <DeviceSecurity detail={data.detail} />
            <DeviceOs detail={data.detail} />
            <DeviceHardware detail={data.detail} />
            <DeviceStorage detail={data.detail} />
            <DeviceNetwork detail={data.detail} />
          </>
        ) : null}
      </div>
    </div>
  );
}
