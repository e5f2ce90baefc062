import { processWide } from '@/lib/process-wide';
import 'server-only';

// The single place that knows where Level is and which key to use. Filled at start-up by
// lib/runtime/connection.ts (from the environment, Settings, or the demo simulator).

export interface LevelConnection {
  baseUrl: string;
  apiKey: string;
  demo: boolean;
  /** Where the key came from: the environment, Settings (encrypted in the database), or demo mode. */
  source: 'env' | 'settings' | 'demo';
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    levelConnection: { current?: LevelConnection };
  }
}

const shared = processWide('levelConnection', () => ({}));

export function setLevelConnection(connection: LevelConnection): void {
  shared.current = connection;
}

export function getLevelConnection(): LevelConnection | undefined {
  return shared.current;
}

export function isDemoMode(): boolean {
  return shared.current?.demo ?? false;
}
