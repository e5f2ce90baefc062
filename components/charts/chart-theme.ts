import type { CSSProperties } from 'react';

// Charts read the same CSS variables as badges and tiles, so a theme switch recolours them too.
export const CHART_COLORS = {
  online: 'var(--status-online)',
  offline: 'var(--status-offline)',
  maintenance: 'var(--status-maintenance)',
  information: 'var(--severity-information)',
  warning: 'var(--severity-warning)',
  critical: 'var(--severity-critical)',
  emergency: 'var(--severity-emergency)',
  grid: 'var(--border)',
  axis: 'var(--text-muted)',
  accent: 'var(--accent)',
} as const;

export const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 12 };

export const TOOLTIP_STYLE: CSSProperties = {
  background: 'var(--surface-raised)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  color: 'var(--text)',
  fontSize: 12,
};
