import type { HeartbeatInput } from '@/lib/domain/heartbeat';
import type { HeartbeatAnswer, WallProblemsResponse } from '@/lib/domain/wall';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { queryOptions, skipToken, type QueryFunction, type QueryKey } from '@tanstack/react-query';

export const wallProblemsQuery = () =>
  queryOptions({
    queryKey: queryKeys.wallProblems(),
    queryFn: ({ signal }) => fetchJson<WallProblemsResponse>('/api/wall/problems', { signal }),
    refetchInterval: 10_000,
  });

/** What a wall poll reports to (lib/wall/connection.ts), and asks when to poll next. */
export interface PollObserver {
  ok(): void;
  failed(error: unknown): void;
  delay(baseMs: number): number;
}

/**
 * The same queries the dashboard uses, polled the wall's way: at the wall's own period, backing
 * off while the server is unreachable, never giving up (no retry budget, no pause when the
 * browser thinks it is offline), and reporting each outcome to the wall's connection state.
 */
export function polledByWall<T, K extends QueryKey>(
  base: { queryKey: K; queryFn?: QueryFunction<T, K, never> | typeof skipToken },
  connection: PollObserver,
  periodMs: number,
) {
  const fetcher = base.queryFn;
  const queryFn: QueryFunction<T, K, never> = async (context) => {
    if (!fetcher || fetcher === skipToken) throw new Error('polledByWall needs a query function');
    try {
      const data = await fetcher(context);
      connection.ok();
      return data;
    } catch (error) {
      connection.failed(error);
      throw error;
    }
  };
  return {
    queryKey: base.queryKey,
    queryFn,
    refetchInterval: () => connection.delay(periodMs),
    refetchIntervalInBackground: true,
    retry: false,
    networkMode: 'always' as const,
  };
}

export const sendHeartbeat = (beat: HeartbeatInput) =>
  fetchJson<HeartbeatAnswer>('/api/wall/heartbeat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(beat),
  });
