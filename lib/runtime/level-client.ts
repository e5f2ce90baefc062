import { getEnv } from '@/lib/env';
import { createLevelClient, type LevelClient } from '@/lib/level';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics';
import { getLevelConnection } from '@/lib/runtime/level-connection';
import 'server-only';

const slot = globalThis as typeof globalThis & {
  __levelboardClient?: { key: string; client: LevelClient };
  __levelboardRequestCount?: { value: number };
};

const requestCount = (slot.__levelboardRequestCount ??= { value: 0 });

/** Requests this process has sent to Level (all clients, all attempts). */
export function levelRequestCount(): number {
  return requestCount.value;
}

/** One client per process (and per key), so the concurrency limit and request budget are shared. */
export function getLevelClient(): LevelClient {
  const connection = getLevelConnection();
  if (!connection) throw new Error('Level connection is not configured yet');
  const identity = `${connection.baseUrl}\u0000${connection.apiKey}`;
  if (slot.__levelboardClient?.key !== identity) {
    const env = getEnv();
    const client = createLevelClient({
      baseUrl: connection.baseUrl,
      apiKey: connection.apiKey,
      timeoutMs: env.LEVEL_TIMEOUT_MS,
      concurrency: env.LEVEL_CONCURRENCY,
      requestsPerMinute: env.LEVEL_REQUESTS_PER_MINUTE,
      logger: logger.child({ component: 'level-client' }),
      onRequest: (info) => {
        requestCount.value += 1;
        metrics().levelRequests.inc({ method: info.method, status: String(info.status ?? 'error') });
      },
    });
    slot.__levelboardClient = { key: identity, client };
  }
  return slot.__levelboardClient.client;
}
