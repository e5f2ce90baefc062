import type { Severity } from '@/lib/domain/severity';

export interface Alert {
  id: string;
  deviceId: string;
  deviceHostname: string | null;
  name: string;
  description: string | null;
  payload: string | null;
  severity: Severity;
  resolved: boolean;
  startedAt: string | null;
  resolvedAt: string | null;
}
