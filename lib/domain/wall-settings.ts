import { z } from 'zod';

// What a `wall` share link carries besides its scope: the rotation and attention settings an admin
// chose for that screen. Pure (no server-only): the settings form, the wall page and the server
// share it. URL parameters may override each field on one screen (see lib/wall/config.ts).

export const WALL_VIEWS = ['fleet', 'clients', 'problems', 'history'] as const;
export type WallView = (typeof WALL_VIEWS)[number];

export const WALL_VIEW_LABEL: Record<WallView, string> = {
  fleet: 'Fleet status',
  clients: 'Client health',
  problems: 'Problems',
  history: 'Last 24 hours',
};

const shape = {
  views: z
    .array(z.enum(WALL_VIEWS))
    .min(1)
    .max(WALL_VIEWS.length)
    .refine((views) => new Set(views).size === views.length, { message: 'views must not repeat' })
    .optional(),
  /** Seconds each view stays on screen. */
  intervalSeconds: z.number().int().min(5).max(600).optional(),
  /** Whether this wall may beep on a new critical problem (a click on the screen still arms it). */
  sound: z.boolean().optional(),
  /** Longest hold on a newly worse problem, in seconds; 0 (formerly "until resolved") means the default. */
  holdMaxSeconds: z.number().int().min(0).max(86_400).optional(),
  /** How long a new problem stays highlighted, in seconds. */
  highlightSeconds: z.number().int().min(10).max(3_600).optional(),
  theme: z.enum(['dark', 'light']).optional(),
};

/** Input from the admin API: unknown fields are an error. */
export const wallSettingsInput = z.strictObject(shape);
/** Stored JSON: unknown fields (from a newer version) are dropped, not fatal. */
const storedSchema = z.object(shape);

export type WallSettings = z.infer<typeof wallSettingsInput>;

export const WALL_DEFAULTS = {
  views: [...WALL_VIEWS] as WallView[],
  intervalSeconds: 20,
  sound: false,
  holdMaxSeconds: 60,
  highlightSeconds: 300,
  theme: 'dark' as 'dark' | 'light',
};

/** Settings read back from the database; anything unreadable falls back to the defaults. */
export function storedWallSettings(raw: unknown): WallSettings {
  const parsed = storedSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}
