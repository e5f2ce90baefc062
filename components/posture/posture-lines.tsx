import {
  patchCompliance,
  patchTone,
  pct,
  score,
  securityTone,
  TONE_DOT,
  TONE_WORD,
  type Tone,
} from '@/components/posture/posture-tone';
import type { PostureFigures } from '@/lib/domain/posture';
import { formatCount } from '@/lib/format';
import clsx from 'clsx';

function Dot({ tone }: { tone: Tone }) {
  return <span className={clsx('inline-block size-2.5 shrink-0 rounded-full', TONE_DOT[tone])} aria-hidden />;
}

/** What a patch line says: share fully patched, then failed and pending updates. */
export function patchWords(f: PostureFigures): string {
  if (f.patchesKnown === 0) return 'not fetched yet';
  const parts = [`${pct(patchCompliance(f))} patched`];
  if (f.failedUpdates) parts.push(`${formatCount(f.failedUpdates)} failed`);
  if (f.pendingUpdates) parts.push(`${formatCount(f.pendingUpdates)} pending`);
  return parts.join(' · ');
}

export function securityWords(f: PostureFigures): string {
  if (f.securityKnown === 0) return 'not fetched yet';
  const parts = [`score ${score(f)}`];
  if (f.highRisk) parts.push(`${formatCount(f.highRisk)} high risk`);
  if (f.antivirusBad) parts.push(`${formatCount(f.antivirusBad)} antivirus`);
  if (f.firewallOff) parts.push(`${formatCount(f.firewallOff)} firewall off`);
  if (f.unencrypted) parts.push(`${formatCount(f.unencrypted)} unencrypted`);
  if (f.osEndOfLife) parts.push(`${formatCount(f.osEndOfLife)} OS end of life`);
  return parts.join(' · ');
}

/** Two lines, patches and security, each with a tone dot and its word for screen readers. */
export function PostureLines({ figures, className }: { figures: PostureFigures; className?: string }) {
  const rows: Array<[string, Tone, string]> = [
    ['Patches', patchTone(figures), patchWords(figures)],
    ['Security', securityTone(figures), securityWords(figures)],
  ];
  return (
    <dl className={clsx('space-y-1 text-xs', className)}>
      {rows.map(([label, tone, words]) => (
        <div
          key={label}
          className="flex items-baseline gap-2"
          data-testid={`posture-${label.toLowerCase()}`}
          data-tone={tone}
        >
          <Dot tone={tone} />
          <dt className="w-14 shrink-0 text-muted">
            {label}
            <span className="sr-only"> ({TONE_WORD[tone]})</span>
          </dt>
          <dd className="min-w-0 text-ink">{words}</dd>
        </div>
      ))}
    </dl>
  );
}
