import type { Access } from '@/lib/auth/scope';
import type { LevelDeviceUrlTemplate } from '@/lib/domain/level-app';
import { getEnv } from '@/lib/env';
import { isDemoMode } from '@/lib/runtime/level-connection';
import 'server-only';

/**
 * The "Open in Level" template a session may use, or null for none:
 * - demo mode: the devices are the simulator's and exist in no Level tenant, and the simulator's
 *   own JSON needs the API key, so any link would lead nowhere true: none.
 * - a redacted share link: Level's URL carries the real device id (redacted rows keep real ids so
 *   pages can link to each other), and a Level page names the device: none.
 */
export function levelAppTemplateFor(access: Access): LevelDeviceUrlTemplate | null {
  if (isDemoMode()) return null;
  if (access.redact) return null;
  const env = getEnv();
  return `${env.LEVEL_APP_URL}${env.LEVEL_APP_DEVICE_PATH}`;
}
