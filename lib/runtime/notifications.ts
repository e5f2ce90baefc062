import { acknowledgements } from '@/lib/acknowledgements/live';
import { BUILD_ID } from '@/lib/build-id';
import type { Store } from '@/lib/db/open';
import { levelDeviceUrl } from '@/lib/domain/level-app';
import { getEnv } from '@/lib/env';
import { fleetService } from '@/lib/fleet/instance';
import { siteDownThreshold } from '@/lib/fleet/site-down';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { logger } from '@/lib/logger';
import { evaluateNotifications } from '@/lib/notify/engine';
import { publicUrl } from '@/lib/notify/public-url';
import { collectFleetSignals, systemSignals, type Signal, type SilentWall } from '@/lib/notify/signals';
import { isDemoMode } from '@/lib/runtime/level-connection';
import { listWallScreens } from '@/lib/screens/registry';
import 'server-only';

// Notifications at run time: the sync leader evaluates the rules every NOTIFY_EVALUATE_SECONDS
// and after every sync, and hands what it queued to the delivery worker. Followers do neither:
// one process decides and one process sends, so two replicas never announce a thing twice.

const log = logger.child({ component: 'notify' });

async function silentWalls(store: Store, now: number): Promise<SilentWall[]> {
  const screens = await listWallScreens(store, BUILD_ID, now);
  return screens
    .filter((screen) => screen.silent && (screen.linkState === 'active' || screen.linkState === 'admin'))
    .map((screen) => ({
      id: screen.id,
      name: screen.name ?? screen.linkName ?? screen.screenId,
      lastSeenAt: screen.lastSeenAt,
    }));
}

function levelUrlOf(): (deviceId: string) => string | null {
  if (isDemoMode()) return () => null;
  const env = getEnv();
  const template = `${env.LEVEL_APP_URL}${env.LEVEL_APP_DEVICE_PATH}`;
  return (deviceId) => levelDeviceUrl(template, deviceId);
}

export interface NotificationRuntime {
  /** Evaluates now (after a sync); concurrent calls while one runs are dropped, the next tick catches up. */
  evaluate(): Promise<void>;
}

export function startNotificationEngine(
  store: Store,
  options: { isLeader: () => boolean; onQueued: () => void },
): NotificationRuntime {
  let running = false;
  let fleet: { snapshot: FleetSnapshot; acks: number; signals: Signal[] } | undefined;
  async function evaluate(): Promise<void> {
    if (running || !options.isLeader()) return;
    running = true;
    try {
      const now = Date.now();
      const service = fleetService();
      const snapshot = service.current();
      const status = service.status();
      const signals = async () => {
        const acks = await acknowledgements();
        const sources = {
          snapshot,
          isAcknowledged: (key: string) => acks.lookup(key) !== null,
          sync: {
            lastErrorKind: status.lastErrorKind,
            lastError: status.lastError,
            syncedAtMs: status.syncedAt ? Date.parse(status.syncedAt) : null,
            intervalMs: service.intervalMs(),
          },
          silentWalls: await silentWalls(store, now),
          siteDown: siteDownThreshold(),
          levelUrlOf: levelUrlOf(),
          now,
        };
        // The fleet's signals change only with the snapshot or the acknowledgements: between
        // syncs the same ones (and their stored text) are reused.
        if (snapshot && (fleet?.snapshot !== snapshot || fleet.acks !== acks.version)) {
          fleet = { snapshot, acks: acks.version, signals: collectFleetSignals({ ...sources, snapshot }) };
        }
        return [...(snapshot && fleet ? fleet.signals : []), ...systemSignals(sources)];
      };
      const result = await evaluateNotifications(store, {
        signals,
        fleetKnown: snapshot !== null,
        baseUrl: publicUrl(),
        now,
      });
      if (result.queued > 0) {
        log.info({ queued: result.queued, batches: result.batches }, 'notifications queued');
        options.onQueued();
      }
    } catch (error) {
      log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'notification evaluation failed',
      );
    } finally {
      running = false;
    }
  }
  setInterval(() => void evaluate(), getEnv().NOTIFY_EVALUATE_SECONDS * 1_000).unref();
  return { evaluate };
}
