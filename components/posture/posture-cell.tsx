import { patchCount, securityProblems } from '@/components/posture/device-problems';
import type { DeviceRow } from '@/lib/domain/fleet';

const PATCH_TEXT = { failed: 'failed', pending: 'pending', ok: 'patched', unknown: '' } as const;

/** The device list's security cell: Level's score, then the patch state and any security problem. */
export function PostureCell({ device }: { device: DeviceRow }) {
  const p = device.posture;
  const problems = p ? securityProblems(p, 'short') : [];
  const patch =
    p && p.patch !== 'unknown'
      ? p.patch === 'ok'
        ? PATCH_TEXT.ok
        : `${patchCount(p)} ${PATCH_TEXT[p.patch]}`
      : null;
  return (
    <div className="min-w-0" data-testid="posture-cell" data-patch={p?.patch ?? 'unknown'}>
      <p className="tabular-nums">{device.securityScore ?? '—'}</p>
      <p className="truncate text-xs text-muted">
        {[patch, ...problems].filter(Boolean).join(' · ') || '\u00a0'}
      </p>
    </div>
  );
}
