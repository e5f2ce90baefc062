'use client';

import { fleetSummaryQuery } from '@/lib/query/fleet';
import { fleetClientsQuery } from '@/lib/query/groups';
import { historyQuery } from '@/lib/query/history';
import { polledByWall, wallProblemsQuery } from '@/lib/query/wall';
import type { WallConfig } from '@/lib/wall/config';
import { createConnection } from '@/lib/wall/connection';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';

/** History changes slowly: at most once a minute, whatever the wall's poll period. */
const HISTORY_PERIOD_MS = 60_000;

/** Everything the wall shows, polled the wall's way, and the state of its link to the server. */
export function useWallData(
  config: Pick<WallConfig, 'pollMs'>,
  scoped: { clients: boolean; history: boolean },
) {
  const [connection] = useState(createConnection);
  const summary = useQuery(polledByWall(fleetSummaryQuery(), connection, config.pollMs));
  const problems = useQuery(polledByWall(wallProblemsQuery(), connection, config.pollMs));
  const clients = useQuery({
    ...polledByWall(fleetClientsQuery(), connection, config.pollMs),
    enabled: scoped.clients,
  });
  const history = useQuery({
    ...polledByWall(historyQuery(undefined, '24h'), connection, Math.max(config.pollMs, HISTORY_PERIOD_MS)),
    enabled: scoped.history,
  });
  // The hold shows a problem next to its client's tile: when one answer comes from a newer sync
  // than the other, fetch the older one now rather than at its next poll, so tile and hold
  // describe the same sync (issue 16: "CRITICAL" beside "3 warnings").
  const problemsSync = problems.data?.syncedAt ?? null;
  const clientsSync = clients.data?.syncedAt ?? null;
  const { refetch: refetchClients } = clients;
  const { refetch: refetchProblems } = problems;
  useEffect(() => {
    if (!scoped.clients || !problemsSync || !clientsSync) return;
    if (problemsSync > clientsSync) void refetchClients();
    else if (clientsSync > problemsSync) void refetchProblems();
  }, [scoped.clients, problemsSync, clientsSync, refetchClients, refetchProblems]);
  const link = useSyncExternalStore(connection.subscribe, connection.get, connection.get);
  return { summary, problems, clients, history, connection: link };
}
