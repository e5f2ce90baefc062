import type { Alert } from '@/lib/domain/level';
import { compareAlertsSeverityFirst } from '@/lib/fleet/queries/alert-list';
import { describe, expect, it } from 'vitest';

const alert = (id: string, patch: Partial<Alert>): Alert => ({
  id,
  deviceId: 'd',
  deviceHostname: null,
  name: id,
  description: null,
  payload: null,
  severity: 'warning',
  resolved: false,
  startedAt: '2026-12-01T10:00:00Z',
  resolvedAt: null,
  ...patch,
});

describe('alert order', () => {
  it('puts active alerts severity first, oldest first within a severity, then resolved by resolution', () => {
    const alerts = [
      alert('warning-old', { startedAt: '2026-11-01T00:00:00Z' }),
      alert('resolved-emergency', {
        severity: 'emergency',
        resolved: true,
        resolvedAt: '2026-12-01T09:00:00Z',
      }),
      alert('critical-new', { severity: 'critical', startedAt: '2026-12-01T11:00:00Z' }),
      alert('resolved-late', { resolved: true, resolvedAt: '2026-12-01T11:30:00Z' }),
      alert('info', { severity: 'information', startedAt: '2026-10-01T00:00:00Z' }),
      alert('emergency-new', { severity: 'emergency', startedAt: '2026-12-01T11:59:00Z' }),
      alert('critical-old', { severity: 'critical', startedAt: '2026-11-20T00:00:00Z' }),
    ];
    expect(alerts.sort(compareAlertsSeverityFirst).map((a) => a.id)).toEqual([
      'emergency-new',
      'critical-old',
      'critical-new',
      'warning-old',
      'info',
      'resolved-late',
      'resolved-emergency',
    ]);
  });
});
