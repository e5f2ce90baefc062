import { processWide } from '@/lib/process-wide';
import 'server-only';

// Start-up runs once, from instrumentation (server/boot.ts). Requests and pages that arrive
// before it has finished wait here; they never start it themselves, so nothing that serves a
// request imports the code that builds the process.

interface Readiness {
  ready: boolean;
  promise: Promise<void>;
  resolve: () => void;
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    readiness: Readiness;
  }
}

const readiness = processWide('readiness', () => {
  const state: Readiness = { ready: false, promise: Promise.resolve(), resolve: () => {} };
  state.promise = new Promise<void>((resolve) => {
    state.resolve = resolve;
  });
  return state;
});

/** True once start-up has finished: a request then need not wait (and stays synchronous). */
export const isReady = (): boolean => readiness.ready;

/** Settles when start-up has finished. A start-up that fails exits the process instead. */
export const whenReady = (): Promise<void> => readiness.promise;

/** Called once, by the boot, when the process is ready to serve. */
export function markReady(): void {
  readiness.ready = true;
  readiness.resolve();
}
