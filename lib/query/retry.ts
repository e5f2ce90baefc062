import { LevelboardApiError } from '@/lib/query/fetch-json';

// Before the first sync the API answers 503 not_synced; keep asking (the first-sync banner explains
// the wait) instead of showing an error. 400 and 404 will not change by retrying, and neither will
// 401: the session ended (a revoked or expired link), which the page says at once.
export function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof LevelboardApiError) {
    if (error.code === 'not_synced') return true;
    if (error.status === 400 || error.status === 401 || error.status === 404) return false;
  }
  return failureCount < 2;
}

export function retryDelay(failureCount: number, error: Error): number {
  if (error instanceof LevelboardApiError && error.code === 'not_synced') return 2_000;
  return Math.min(1_000 * 2 ** failureCount, 15_000);
}
