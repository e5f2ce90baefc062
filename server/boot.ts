import { processWide } from '@/lib/process-wide';
import { markReady } from '@/lib/readiness';
import { startRuntime } from '@/lib/runtime/start';
import { installFastPath } from '@/server/fast-path';
import 'server-only';

declare module '@/lib/process-wide' {
  interface ProcessWide {
    boot: { started?: Promise<void> };
  }
}

/**
 * Starts the process once (instrumentation.ts; a dev hot reload finds the promise and returns):
 * builds the runtime, offers the polled routes to the fast path, then lets requests in.
 */
export function boot(): Promise<void> {
  const once = processWide('boot', () => ({}));
  once.started ??= startRuntime()
    .then(() => {
      installFastPath();
      markReady();
    })
    .catch((error: unknown) => {
      // A half-started process would answer 500 to everything; exiting lets the supervisor see it.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Levelboard cannot start: ${message}`);
      process.exit(1);
    });
  return once.started;
}
