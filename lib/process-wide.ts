import type { IncomingMessage, ServerResponse } from 'node:http';
import 'server-only';

// Next bundles instrumentation, every route handler and the production server apart, and a dev
// hot reload evaluates modules again; a module-level singleton can then exist several times in
// one process (two sync loops, two link caches disagreeing about a revocation). So everything a
// process must have exactly one of lives in this one registry, on one globalThis slot.
//
// This file imports nothing of ours, so every layer may use it. Each owner declares its entry
// beside its code, and TypeScript merges the declarations into the one interface below:
//
//   declare module '@/lib/process-wide' {
//     interface ProcessWide { metrics: Metrics }
//   }
//
// Two owners cannot claim one key with different types (the merge refuses). To list them all:
// `grep -rn "interface ProcessWide" lib server`.

/** The contract with server/levelboard-server.cjs, plain CommonJS that sees each request first. */
export interface Edge {
  /** Set by the entry: the header in which it stamps the TCP peer (lib/auth/client-address.ts). */
  peerHeader?: string;
  /** Set at start-up (server/fast-path.ts); true when it answered the request. */
  fastPath?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface ProcessWide {
  edge: Edge;
}

const slot = globalThis as typeof globalThis & { __levelboard?: Partial<ProcessWide> };

/** The process's one `key`, made by `create` for the first caller in any bundle. */
export function processWide<K extends keyof ProcessWide>(
  key: K,
  create: () => ProcessWide[K],
): ProcessWide[K] {
  const shared = (slot.__levelboard ??= {});
  const existing = shared[key];
  if (existing !== undefined) return existing as ProcessWide[K];
  const created = create();
  shared[key] = created;
  return created;
}
