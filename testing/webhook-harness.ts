import type { Engine } from '@/lib/db/open';
import type { Alert, Group } from '@/lib/domain/level';
import { FleetService } from '@/lib/fleet/fleet-service';
import { ReplicaCoordinator } from '@/lib/fleet/replica-coordinator';
import { SnapshotReplication } from '@/lib/fleet/replication';
import { dataOf, type FleetData } from '@/lib/fleet/snapshot';
import { HistoryRecorder } from '@/lib/history';
import type { LevelClient } from '@/lib/level';
import { WebhookEventStore } from '@/lib/webhooks/event-store';
import { WebhookReceiver } from '@/lib/webhooks/receiver';
import { sign } from '@/lib/webhooks/signature';
import { makeDevice } from '@/testing/history-fleet';
import { openTestStore } from '@/testing/stores';
import { randomUUID } from 'node:crypto';

// Replicas of Levelboard as far as webhooks go, on one real database: a leader (publishes patches
// and records history, as lib/fleet/instance.ts and lib/runtime/webhooks.ts wire it) and
// followers (ReplicaCoordinator polling the leader's snapshot). No Level: the fleet is seeded.

export const SYNCED_AT = Date.UTC(2026, 11, 6, 12, 0, 0);

export const group = (id: string, name: string, parentId: string | null = null): Group => ({
  id,
  name,
  parentId,
  childIds: [],
  deviceCount: null,
  descendentDeviceCount: null,
});

export const alert = (id: string, deviceId: string, severity: Alert['severity'] = 'critical'): Alert => ({
  id,
  deviceId,
  deviceHostname: `host-${deviceId}`,
  name: 'Disk full',
  description: null,
  payload: null,
  severity,
  resolved: false,
  startedAt: new Date(SYNCED_AT - 3_600_000).toISOString(),
  resolvedAt: null,
});

export function seedFleet(): FleetData {
  return {
    devices: [
      { ...makeDevice({ id: 'd1', groupId: 'g1' }), groupName: 'Acme' },
      { ...makeDevice({ id: 'd2', groupId: 'g1' }), groupName: 'Acme' },
      makeDevice({ id: 'd3' }),
    ],
    groups: [group('g1', 'Acme')],
    activeAlerts: [alert('a1', 'd1')],
    recentResolvedAlerts: [],
    tags: [],
  };
}

/** Level's envelope and its signature, as Level would send them. */
export function levelEvent(
  secret: string,
  type: string,
  data: Record<string, unknown>,
  occurredAt: number,
  eventId: string = randomUUID(),
) {
  const body = Buffer.from(
    JSON.stringify({
      event_type: type,
      event_id: eventId,
      occurred_at: new Date(occurredAt).toISOString(),
      data,
    }),
  );
  return { body, signature: sign(secret, body), eventId };
}

/** Level's shape of an alert (REFERENCE §7.4). */
export const levelAlert = (id: string, deviceId: string, extra: Record<string, unknown> = {}) => ({
  id,
  device_id: deviceId,
  device_hostname: `host-${deviceId}`,
  name: 'CPU above 95%',
  description: null,
  payload: null,
  severity: 'critical',
  is_resolved: false,
  started_at: new Date(SYNCED_AT + 1_000).toISOString(),
  resolved_at: null,
  ...extra,
});

const noClient = () => {
  throw new Error('no Level in this harness');
};

export interface Replica {
  service: FleetService;
  receiver: WebhookReceiver;
  events: WebhookEventStore;
  current(): FleetData;
}

export async function startWebhookReplicas(engine: Engine, options: { secret?: () => string | null } = {}) {
  const store = await openTestStore(engine);
  const replication = new SnapshotReplication(store);
  const recorder = new HistoryRecorder(store);
  let clock = SYNCED_AT + 10_000;
  const now = () => clock;
  const quiet = { info: () => {}, warn: () => {} };
  const secret = options.secret ?? (() => 'level-webhook-secret-0123');
  const coordinators: ReplicaCoordinator[] = [];

  const makeReplica = (leader: boolean): Replica => {
    const service = new FleetService({
      getClient: noClient as unknown as () => LevelClient,
      intervalMs: 30_000,
      requestCount: () => 0,
    });
    const events = new WebhookEventStore(store);
    const receiver = new WebhookReceiver({
      secret: async () => secret(),
      events,
      fleet: {
        isLeader: () => leader,
        current: () => {
          const snapshot = service.current();
          return snapshot ? dataOf(snapshot) : null;
        },
        syncedSince: () => (service.current() ? SYNCED_AT - 2_000 : null),
        patch: async (mutate) => {
          const snapshot = service.patch(mutate, { publish: leader });
          if (leader && snapshot) await replication.save(snapshot, service.replicatedStatus());
        },
      },
      recordHistory: (event) => recorder.recordEvent(event),
      now,
      log: quiet,
    });
    return {
      service,
      receiver,
      events,
      current: () => {
        const snapshot = service.current();
        if (!snapshot) throw new Error('no snapshot');
        return dataOf(snapshot);
      },
    };
  };

  const status = {
    version: 1,
    syncedAt: new Date(SYNCED_AT).toISOString(),
    lastAttemptAt: SYNCED_AT - 2_000,
    lastError: null,
    lastDurationMs: 2_000,
    lastRequestCount: 5,
  };
  const leader = makeReplica(true);
  leader.service.restore(seedFleet(), status);
  const first = leader.service.current()!;
  await replication.save(first, leader.service.replicatedStatus());
  await recorder.record(first, { durationMs: 2_000, levelRequests: 5 });

  return {
    store,
    leader,
    recorder,
    advance: (ms: number) => {
      clock += ms;
    },
    now,
    /** A follower: a ReplicaCoordinator that never leads, loading what the leader publishes. */
    async follower(pollMs = 20): Promise<Replica> {
      const replica = makeReplica(false);
      const coordinator = new ReplicaCoordinator({
        service: replica.service,
        replication,
        leadership: { acquire: async () => false, release: async () => {} },
        pollMs,
      });
      coordinators.push(coordinator);
      await coordinator.start();
      return replica;
    },
    /** The same database opened by a new process (a restart): new receiver, nothing in memory. */
    restartLeader(): Replica {
      const replica = makeReplica(true);
      replica.service.restore(dataOf(leader.service.current()!), leader.service.replicatedStatus());
      return replica;
    },
    async close() {
      for (const coordinator of coordinators) await coordinator.stop();
      await store.close();
    },
  };
}
