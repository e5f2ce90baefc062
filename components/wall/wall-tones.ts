import type { ClientSummary } from '@/lib/domain/fleet';
import type { ProblemTone } from '@/lib/wall/problems';

// Colours by what is wrong, written out in full so Tailwind sees every class.

export type TileTone = ProblemTone | 'warning' | 'ok' | 'empty';

export const TILE_TONE: Record<TileTone, string> = {
  emergency: 'border-emergency bg-emergency/25',
  offline: 'border-offline bg-offline/20',
  critical: 'border-critical bg-critical/15',
  warning: 'border-warning/70 bg-warning/10',
  ok: 'border-line bg-raised',
  empty: 'border-line bg-sunken',
};

export const STRIPE_TONE: Record<TileTone, string> = {
  emergency: 'bg-emergency',
  offline: 'bg-offline',
  critical: 'bg-critical',
  warning: 'bg-warning',
  ok: 'bg-online',
  empty: 'bg-line',
};

export const TONE_LABEL: Record<ProblemTone, string> = {
  emergency: 'Emergency',
  offline: 'Offline',
  critical: 'Critical',
};

/** A client's worst active problem: offline servers and emergencies first. */
export function clientTone(client: ClientSummary): TileTone {
  const { rollup } = client;
  if (rollup.devices.total === 0) return 'empty';
  if (rollup.alerts.emergency > 0) return 'emergency';
  if (rollup.offlineServers > 0) return 'offline';
  if (rollup.alerts.critical > 0) return 'critical';
  if (rollup.alerts.warning > 0) return 'warning';
  return 'ok';
}
