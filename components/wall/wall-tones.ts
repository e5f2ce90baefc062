import { clientHealth } from '@/lib/domain/client-health';
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

/**
 * A client's colour is its health band (lib/domain/client-health.ts); a red client takes the
 * colour of its worst reason, so an emergency still looks like one.
 */
export function clientTone(client: ClientSummary): TileTone {
  const { band, reasons } = clientHealth(client.rollup);
  if (band === 'empty') return 'empty';
  if (band === 'green') return 'ok';
  if (band === 'amber') return 'warning';
  if (reasons[0] === 'emergency' || reasons[0] === 'critical') return reasons[0];
  return 'offline';
}
