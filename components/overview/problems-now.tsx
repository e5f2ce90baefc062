'use client';

import { AcknowledgeProblemButton } from '@/components/actions/acknowledge';
import { AcknowledgedLabel } from '@/components/status/acknowledged-label';
import { SeverityBadge } from '@/components/status/severity-badge';
import { Card } from '@/components/ui/card';
import type { WallProblem } from '@/lib/domain/wall';
import { formatRelative } from '@/lib/format';
import { wallProblemsQuery } from '@/lib/query/wall';
import { problemTitle, problemTone } from '@/lib/wall/problems';
import { useQuery } from '@tanstack/react-query';
import { ServerOff } from 'lucide-react';
import Link from 'next/link';

const SHOWN = 6;

/**
 * The dashboard's "needs attention now": the wall's problems (the same answer, already in the
 * severity-first order), each acknowledgeable by the admin. Sites down have their own banner
 * (SitesDown) and are acknowledged through their devices, so they are left out here.
 */
export function ProblemsNow() {
  const problems = useQuery(wallProblemsQuery());
  const rows = (problems.data?.problems ?? []).filter((problem) => problem.kind !== 'site_down');
  if (rows.length === 0) return null;
  // The server's total counts sites down too; they are not listed here.
  const sitesDown = (problems.data?.problems.length ?? 0) - rows.length;
  const total = (problems.data?.total ?? rows.length) - sitesDown;
  return (
    <Card id="problems-now" title="Needs attention now" testId="problems-now">
      <ul className="divide-y divide-line">
        {rows.slice(0, SHOWN).map((problem) => (
          <ProblemLine key={problem.deviceId} problem={problem} />
        ))}
      </ul>
      <p className="mt-2 text-xs text-muted">
        {total > SHOWN ? `${SHOWN} of ${total} problems, most severe first · ` : 'Most severe first · '}
        <Link href="/alerts" className="underline">
          all alerts
        </Link>
      </p>
    </Card>
  );
}

function ProblemLine({ problem }: { problem: WallProblem }) {
  const tone = problemTone(problem);
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid="problem-now">
      {tone === 'offline' ? (
        <span className="inline-flex items-center gap-1.5 rounded-full border border-offline/50 bg-offline/10 px-2 py-0.5 text-xs font-medium text-ink">
          <ServerOff aria-hidden className="size-3 text-offline" />
          Offline
        </span>
      ) : (
        <SeverityBadge severity={tone} />
      )}
      <Link href={`/devices/${encodeURIComponent(problem.deviceId)}`} className="font-medium underline">
        {problem.deviceName}
      </Link>
      <span className="min-w-0 flex-1 truncate text-sm text-muted">{problemTitle(problem)}</span>
      {(problem.since ?? problem.latestAt) ? (
        <span className="text-xs text-muted tabular-nums">
          {formatRelative(problem.since ?? problem.latestAt ?? '')}
        </span>
      ) : null}
      {problem.acknowledged ? <AcknowledgedLabel ack={problem.acknowledged} className="text-xs" /> : null}
      <AcknowledgeProblemButton problem={problem} />
    </li>
  );
}
