'use client';

import { fleetSummaryQuery } from '@/lib/query/fleet';
import { fleetClientsQuery } from '@/lib/query/groups';
import { historyQuery } from '@/lib/query/history';
import { polledByWall, wallProblemsQuery } from '@/lib/query/wall';
import type { WallConfig } from '@/lib/wall/config';
import { createConnection } from '@/lib/wall/connection';
import { useQuery } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';

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
  const link = useSyncExternalStore(connection.subscribe, connection.get, connection.get);
  return { summary, problems, clients, history, connection: link };
}
