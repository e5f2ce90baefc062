import 'server-only';

// The single place that knows where Level is and which key to use. Filled at start-up by
// lib/runtime/start.ts (from the environment, or from the demo simulator). Kept on globalThis so
// that Next's separately bundled chunks (instrumentation vs route handlers) share one value.

export interface LevelConnection {
  baseUrl: string;
  apiKey: string;
  demo: boolean;
  /** Where the key came from: the environment, Settings (encrypted in the database), or demo mode. */
  source: 'env' | 'settings' | 'demo';
}

const slot = globalThis as typeof globalThis & { __levelboardConnection?: LevelConnection };

export function setLevelConnection(connection: LevelConnection): void {
  slot.__levelboardConnection = connection;
}

export function getLevelConnection(): LevelConnection | undefined {
  return slot.__levelboardConnection;
}

export function isDemoMode(): boolean {
  return slot.__levelboardConnection?.demo ?? false;
}
