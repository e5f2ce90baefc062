import type { DeviceRow } from '@/lib/domain/fleet';

const PATCH_TEXT = { failed: 'failed', pending: 'pending', ok: 'patched', unknown: '' } as const;

/** The device list's security cell: Level's score, then the patch state and any security problem. */
export function PostureCell({ device }: { device: DeviceRow }) {
  const p = device.posture;
  const problems = p
    ? [
        p.risk === 'high' || p.risk === 'critical' ? `${p.risk} risk` : null,
        p.antivirus === 'bad' ? 'AV' : null,
        p.encrypted === false ? 'unencrypted' : null,
        p.osEndOfLife ? 'EOL' : null,
      ].filter(Boolean)
    : [];
  const patch =
    p && p.patch !== 'unknown'
      ? p.patch === 'ok'
        ? PATCH_TEXT.ok
        : `${p.patch === 'failed' ? p.failedUpdates : p.pendingUpdates} ${PATCH_TEXT[p.patch]}`
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
