import type { HistoryRange } from '@/lib/domain/history';

// The one key factory: every query key in the app comes from here, so invalidation stays predictable.
export const queryKeys = {
  all: ['levelboard'] as const,
  fleet: () => [...queryKeys.all, 'fleet'] as const,
  fleetSummary: () => [...queryKeys.fleet(), 'summary'] as const,
  fleetClients: () => [...queryKeys.fleet(), 'clients'] as const,
  devices: () => [...queryKeys.all, 'devices'] as const,
  deviceList: (params: string) => [...queryKeys.devices(), 'list', params] as const,
  device: (id: string) => [...queryKeys.devices(), 'detail', id] as const,
  deviceSnapshot: (id: string) => [...queryKeys.devices(), 'snapshot', id] as const,
  groups: () => [...queryKeys.all, 'groups'] as const,
  groupNames: () => [...queryKeys.groups(), 'names'] as const,
  alerts: () => [...queryKeys.all, 'alerts'] as const,
  alertList: (params: string) => [...queryKeys.alerts(), 'list', params] as const,
  alertCount: (params: string) => [...queryKeys.alerts(), 'count', params] as const,
  history: () => [...queryKeys.all, 'history'] as const,
  fleetHistory: (range: HistoryRange) => [...queryKeys.history(), 'fleet', range] as const,
  groupHistory: (id: string, range: HistoryRange) => [...queryKeys.history(), 'group', id, range] as const,
  deviceHistory: (id: string, range: HistoryRange) => [...queryKeys.history(), 'device', id, range] as const,
  changes: (hours: number, limit: number) => [...queryKeys.history(), 'changes', hours, limit] as const,
  wall: () => [...queryKeys.all, 'wall'] as const,
  wallProblems: () => [...queryKeys.wall(), 'problems'] as const,
};
