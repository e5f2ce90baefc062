// "Never repeats for the same problem": which problem keys this screen already beeped for, kept in
// localStorage for a day, so a reload, or a server that flaps back offline, stays quiet.

export const SOUND_MEMORY_MS = 24 * 60 * 60 * 1000;

export function toAnnounce(
  appeared: readonly string[],
  announced: Readonly<Record<string, number>>,
  now: number,
  memoryMs = SOUND_MEMORY_MS,
): { play: boolean; announced: Record<string, number> } {
  const kept: Record<string, number> = {};
  for (const [key, at] of Object.entries(announced)) if (now - at < memoryMs) kept[key] = at;
  let play = false;
  for (const key of appeared) {
    if (kept[key] !== undefined) continue;
    kept[key] = now;
    play = true;
  }
  return { play, announced: kept };
}
