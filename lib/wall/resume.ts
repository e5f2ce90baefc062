import { parseTracker, type TrackerState } from '@/lib/wall/problem-tracker';
import type { Hold } from '@/lib/wall/rotation';
import type { ReloadReason } from '@/lib/wall/self-care';
import { z } from 'zod';

// What a wall keeps across its own reloads (sessionStorage: this tab only): where the rotation
// was, an active hold, which problems it already knew, and when and why it last reloaded.

export const RESUME_KEY = 'levelboard-wall-resume';

export interface Resume {
  index: number;
  hold: Hold | null;
  tracker: TrackerState | null;
  lastReloadAt: number | null;
  lastReload: ReloadReason | null;
}

const schema = z.object({
  index: z.number().int().min(0).catch(0),
  hold: z
    .object({ keys: z.array(z.string()).max(500), since: z.number(), rank: z.number().optional() })
    .nullable()
    .catch(null),
  tracker: z.unknown().transform((raw) => parseTracker(raw)),
  lastReloadAt: z.number().nullable().catch(null),
  lastReload: z.enum(['version', 'memory', 'uptime']).nullable().catch(null),
});

export function readResume(storage: Pick<Storage, 'getItem'>): Resume | null {
  try {
    const raw = storage.getItem(RESUME_KEY);
    if (!raw) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeResume(storage: Pick<Storage, 'setItem'>, resume: Resume): void {
  try {
    storage.setItem(RESUME_KEY, JSON.stringify(resume));
  } catch {
    // Storage full or disabled: the wall still runs, it only forgets across a reload.
  }
}
