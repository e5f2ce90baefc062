import { WALL_VIEWS } from '@/lib/domain/wall-settings';
import { z } from 'zod';

// What a wall screen reports every minute; shared by the wall (sender) and the server (parser).

export const SCREEN_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export const heartbeatSchema = z.strictObject({
  screenId: z.string().regex(SCREEN_ID_PATTERN, 'must be 8–64 letters, digits, - or _'),
  name: z.string().trim().min(1).max(60).nullable().default(null),
  view: z.enum([...WALL_VIEWS, 'hold']),
  build: z.string().min(1).max(100),
  viewport: z
    .string()
    .regex(/^\d{2,5}x\d{2,5}$/)
    .nullable()
    .default(null),
  uptimeSeconds: z
    .number()
    .int()
    .min(0)
    .max(10 * 365 * 86_400),
  heartbeatSeconds: z.number().int().min(5).max(3_600),
  wakeLock: z.enum(['held', 'released', 'unsupported', 'denied']).nullable().default(null),
  lastReload: z.enum(['version', 'memory', 'uptime']).nullable().default(null),
});

export type Heartbeat = z.infer<typeof heartbeatSchema>;
export type HeartbeatInput = z.input<typeof heartbeatSchema>;

/** A wall is silent after missing this many heartbeats, and never sooner than five minutes. */
export function silentAfterMs(heartbeatSeconds: number | null): number {
  return Math.max(5 * 60_000, 3 * (heartbeatSeconds ?? 60) * 1_000);
}
