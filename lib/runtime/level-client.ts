import { getEnv } from '@/lib/env';
import { createLevelClient, type LevelClient } from '@/lib/level';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics';
import { processWide } from '@/lib/process-wide';
import { getLevelConnection } from '@/lib/runtime/level-connection';
import 'server-only';

declare module '@/lib/process-wide' {
  interface ProcessWide {
    levelClient: { requests: number; current?: { key: string; client: LevelClient } };
  }
}

const shared = processWide('levelClient', () => ({ requests: 0 }));

/** Requests this process has sent to Level (all clients, all attempts). */
export function levelRequestCount(): number {
  return shared.requests;
}

/** One client per process (and per key), so the concurrency limit and request budget are shared. */
export function getLevelClient(): LevelClient {
  const connection = getLevelConnection();
  if (!connection) throw new Error('Level connection is not configured yet');
  const identity = `${connection.baseUrl}\u0000${connection.apiKey}`;
  if (shared.current?.key !== identity) {
    const env = getEnv();
    const client = createLevelClient({
      baseUrl: connection.baseUrl,
      apiKey: connection.apiKey,
      timeoutMs: env.LEVEL_TIMEOUT_MS,
      concurrency: env.LEVEL_CONCURRENCY,
      requestsPerMinute: env.LEVEL_REQUESTS_PER_MINUTE,
      logger: logger.child({ component: 'level-client' }),
      onRequest: (info) => {
        shared.requests += 1;
        metrics().levelRequests.inc({ method: info.method, status: String(info.status ?? 'error') });
      },
    });
    shared.current = { key: identity, client };
  }
  return shared.current.client;
}
