import { acknowledgements, acknowledgementsNow } from '@/lib/acknowledgements/live';
import { StreamHub, type LiveState } from '@/lib/api/live/hub';
import { fleetService } from '@/lib/fleet/instance';
import { snapshotTag } from '@/lib/fleet/snapshot';
import { processWide } from '@/lib/process-wide';
import 'server-only';

declare module '@/lib/process-wide' {
  interface ProcessWide {
    liveHub: { hub?: StreamHub };
  }
}

/**
 * What the polled answers' ETags depend on, read from memory. Reading the acknowledgements also
 * starts their background reload when it is due, which is how another replica's acknowledgement
 * reaches this process's streams (within about 2 s, as it reaches its polls).
 */
function readLive(): LiveState {
  const service = fleetService();
  const snapshot = service.current();
  const acks = acknowledgementsNow();
  // Nothing has read them yet in this process: load them, and announce them from the next tick.
  if (!acks) void acknowledgements().catch(() => {});
  return {
    snapshot: snapshot ? snapshotTag(snapshot) : null,
    stale: service.isStale(),
    acknowledgements: acks?.version ?? null,
  };
}

/** The process's one hub (Next bundles routes apart from the fast path: one registry slot). */
export function liveHub(): StreamHub {
  const slot = processWide('liveHub', () => ({}));
  if (!slot.hub) {
    const hub = new StreamHub({ read: readLive });
    slot.hub = hub;
    // Next's shutdown closes the server and waits for open requests; open streams would hold it
    // (and a restart) forever. Ending them lets it finish; browsers reconnect to the next process.
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.once(signal, () => {
        hub.shutdown();
        // Alone, this listener would have cancelled the signal's default: exit as it would have.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
  }
  return slot.hub;
}
