'use client';

import { ChartSkeleton } from '@/components/charts/chart-skeleton';
import dynamic from 'next/dynamic';

// recharts is the heaviest dependency in the browser: each chart is its own chunk, fetched when a
// page first shows it, with a same-sized skeleton meanwhile.
export const ChartAlertSeverity = dynamic(
  () => import('@/components/charts/chart-alert-severity').then((m) => m.ChartAlertSeverity),
  { ssr: false, loading: () => <ChartSkeleton height={220} /> },
);

export const ChartClientOnline = dynamic(
  () => import('@/components/charts/chart-client-online').then((m) => m.ChartClientOnline),
  { ssr: false, loading: () => <ChartSkeleton height={240} /> },
);

export const ChartHealthHistory = dynamic(
  () => import('@/components/charts/chart-health-history').then((m) => m.ChartHealthHistory),
  { ssr: false, loading: () => <ChartSkeleton height={320} /> },
);

export const ChartWallHistory = dynamic(
  () => import('@/components/charts/chart-wall-history').then((m) => m.ChartWallHistory),
  { ssr: false, loading: () => <ChartSkeleton height={400} label="Loading the 24-hour chart" /> },
);

export const ChartPostureTrend = dynamic(
  () => import('@/components/charts/chart-posture-trend').then((m) => m.ChartPostureTrend),
  { ssr: false, loading: () => <ChartSkeleton height={260} /> },
);
