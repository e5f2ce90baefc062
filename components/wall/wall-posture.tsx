'use client';

import {
  patchCompliance,
  patchTone,
  pct,
  securityTone,
  TONE_DOT,
  TONE_WORD,
} from '@/components/posture/posture-tone';
import type { PostureFigures } from '@/lib/domain/posture';
import { formatCount } from '@/lib/format';
import { postureSummaryQuery } from '@/lib/query/posture';
import { useQuery } from '@tanstack/react-query';
import clsx from 'clsx';

function words(f: PostureFigures): { patches: string; security: string } {
  const patches =
    f.patchesKnown === 0
      ? 'not fetched yet'
      : [
          `${pct(patchCompliance(f))} fully patched`,
          f.devicesWithFailed ? `${formatCount(f.devicesWithFailed)} with failed updates` : null,
        ]
          .filter(Boolean)
          .join(' · ');
  const security =
    f.securityKnown === 0
      ? 'not fetched yet'
      : [
          `${formatCount(f.highRisk)} high risk`,
          f.antivirusBad ? `${formatCount(f.antivirusBad)} antivirus` : null,
          f.osEndOfLife ? `${formatCount(f.osEndOfLife)} OS end of life` : null,
        ]
          .filter(Boolean)
          .join(' · ');
  return { patches, security };
}

/** The fleet's patch and security posture in one strip, legible across the room. */
export function WallPosture() {
  const posture = useQuery(postureSummaryQuery(1));
  const f = posture.data?.figures;
  if (!f || f.devices === 0) return null;
  const text = words(f);
  const items = [
    { label: 'Patches', tone: patchTone(f), text: text.patches },
    { label: 'Security', tone: securityTone(f), text: text.security },
  ];
  return (
    <div
      className="grid grid-cols-2 gap-[1.25rem] rounded-[1rem] border border-line bg-sunken px-[1.5rem] py-[0.75rem] text-[1.75rem]"
      data-testid="wall-posture"
    >
      {items.map((item) => (
        <p key={item.label} className="flex min-w-0 items-center gap-[0.75rem]">
          <span aria-hidden className={clsx('size-[1.1rem] shrink-0 rounded-full', TONE_DOT[item.tone])} />
          <span className="shrink-0 font-semibold">{item.label}</span>
          <span className="sr-only">({TONE_WORD[item.tone]})</span>
          <span className="min-w-0 truncate">{item.text}</span>
        </p>
      ))}
    </div>
  );
}
