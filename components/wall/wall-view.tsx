'use client';

import { WallClients } from '@/components/wall/wall-clients';
import { WallFleet } from '@/components/wall/wall-fleet';
import { WallHistory } from '@/components/wall/wall-history';
import { WallHold } from '@/components/wall/wall-hold';
import { WallProblems } from '@/components/wall/wall-problems';
import type { WallView as View } from '@/lib/domain/wall-settings';
import type { WallConfig } from '@/lib/wall/config';
import type { AcknowledgeKeyState } from '@/lib/wall/hooks/use-acknowledge-key';
import { useNowEvery } from '@/lib/wall/hooks/use-now';
import type { useWallData } from '@/lib/wall/hooks/use-wall-data';
import { isNew, type TrackerState } from '@/lib/wall/problem-tracker';
import { problemKeys, problemsWith } from '@/lib/wall/problems';
import type { Hold } from '@/lib/wall/rotation';

function Waiting() {
  return (
    <div className="flex h-full items-center justify-center" role="status" aria-label="Loading">
      <p className="text-[3rem] text-muted">Loading…</p>
    </div>
  );
}

/** The current view, or the hold screen while a new problem is unresolved. */
export function WallView({
  view,
  hold,
  shownAt,
  tracker,
  config,
  data,
  acknowledgeKey = null,
}: {
  view: View;
  hold: Hold | null;
  /** When the current view came up: the problems view's page follows from it. */
  shownAt: number;
  tracker: TrackerState;
  config: WallConfig;
  data: ReturnType<typeof useWallData>;
  /** On an admin's wall: the `a` key's state (the hold says it acknowledges). */
  acknowledgeKey?: AcknowledgeKeyState | null;
}) {
  // Highlights fade within a few seconds of their time; no need to re-render every second.
  const now = useNowEvery(5_000);
  const problems = data.problems.data;
  const summary = data.summary.data;
  const clients = data.clients.data;
  const old = Boolean(summary?.stale) || data.connection.failures > 0;

  const newDevices = new Set<string>();
  const newClients = new Set<string>();
  for (const problem of problems?.problems ?? []) {
    if (!problemKeys(problem).some((key) => isNew(tracker, key, now, config.highlightMs))) continue;
    newDevices.add(problem.deviceId);
    if (problem.clientId) newClients.add(problem.clientId);
  }

  if (hold && problems) {
    const held = problemsWith(problems.problems, hold.keys);
    return (
      <WallHold
        held={held}
        // Only tiles from the same sync as the problems: both then tell the same severity facts.
        clients={clients && clients.syncedAt === problems.syncedAt ? clients.clients : []}
        otherProblems={Math.max(0, problems.total - held.length)}
        since={hold.since}
        holdMaxMs={config.holdMaxMs}
        acknowledgeKey={acknowledgeKey}
      />
    );
  }
  switch (view) {
    case 'fleet':
      return summary?.syncedAt ? (
        <WallFleet summary={summary} clients={clients?.clients} old={old} />
      ) : (
        <Waiting />
      );
    case 'clients':
      return clients ? (
        <WallClients
          clients={clients.clients}
          syncedAt={clients.syncedAt}
          newClientIds={newClients}
          old={old}
        />
      ) : (
        <Waiting />
      );
    case 'problems':
      return problems ? (
        <WallProblems
          data={problems}
          isNew={(deviceId) => newDevices.has(deviceId)}
          old={old}
          shownAt={shownAt}
          intervalMs={config.intervalMs}
        />
      ) : (
        <Waiting />
      );
    case 'history':
      return data.history.data !== undefined ? (
        <WallHistory series={data.history.data} old={old} />
      ) : (
        <Waiting />
      );
  }
}
