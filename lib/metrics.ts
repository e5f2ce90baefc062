import { processWide } from '@/lib/process-wide';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import 'server-only';

// One registry per process (process-wide, so Next's separate bundles share it).
interface Metrics {
  registry: Registry;
  syncDuration: Histogram<'result'>;
  levelRequests: Counter<'method' | 'status'>;
  syncLevelRequests: Counter;
  syncDeviceWalks: Counter<'kept' | 'agreed'>;
  httpRequests: Counter<'route' | 'status'>;
  httpDuration: Histogram<'route'>;
  fleetDevices: Gauge<'client' | 'status'>;
  fleetAlerts: Gauge<'client' | 'severity'>;
  fleetHealth: Gauge<'client'>;
  syncAge: Gauge;
  stale: Gauge;
  notifications: Counter<'channel_kind' | 'result'>;
  notificationsUnsent: Gauge;
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    metrics: Metrics;
  }
}

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'levelboard_process_' });
  return {
    registry,
    syncDuration: new Histogram({
      name: 'levelboard_sync_duration_seconds',
      help: 'Duration of full fleet syncs from Level',
      labelNames: ['result'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    levelRequests: new Counter({
      name: 'levelboard_level_requests_total',
      help: 'HTTP requests sent to the Level API',
      labelNames: ['method', 'status'],
      registers: [registry],
    }),
    syncLevelRequests: new Counter({
      name: 'levelboard_sync_level_requests_total',
      help: 'Requests to Level made by fleet syncs (the rest are on-demand device details and actions)',
      registers: [registry],
    }),
    syncDeviceWalks: new Counter({
      name: 'levelboard_sync_device_walks_total',
      help: "Device-list walks kept by syncs: how (sliced, serial, groups) and whether they agreed with Level's group counts",
      labelNames: ['kept', 'agreed'],
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: 'levelboard_http_requests_total',
      help: "Requests answered by Levelboard's API",
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'levelboard_http_request_duration_seconds',
      help: "Time to answer a request to Levelboard's API",
      labelNames: ['route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    fleetDevices: new Gauge({
      name: 'levelboard_devices',
      help: 'Devices per client (top-level group) and status; client="_ungrouped" for devices in no group',
      labelNames: ['client', 'status'],
      registers: [registry],
    }),
    fleetAlerts: new Gauge({
      name: 'levelboard_alerts_active',
      help: 'Active alerts per client and severity',
      labelNames: ['client', 'severity'],
      registers: [registry],
    }),
    fleetHealth: new Gauge({
      name: 'levelboard_client_health_score',
      help: 'Share of monitored devices online without critical/emergency alerts (0-100)',
      labelNames: ['client'],
      registers: [registry],
    }),
    syncAge: new Gauge({
      name: 'levelboard_last_sync_age_seconds',
      help: 'Seconds since the last successful sync',
      registers: [registry],
    }),
    stale: new Gauge({
      name: 'levelboard_stale',
      help: '1 when the fleet data is stale',
      registers: [registry],
    }),
    notifications: new Counter({
      name: 'levelboard_notifications_total',
      help: 'Notification attempts by channel kind and result (sent, retry, failed, rate_limited: held back by the channel rate cap or a 429)',
      labelNames: ['channel_kind', 'result'],
      registers: [registry],
    }),
    notificationsUnsent: new Gauge({
      name: 'levelboard_notifications_unsent',
      help: 'Notifications waiting in the outbox (pending or being sent); reported by the sending replica only',
      registers: [registry],
    }),
  };
}

export function metrics(): Metrics {
  return processWide('metrics', create);
}
