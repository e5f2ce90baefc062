import type { FleetService } from '@/lib/fleet/fleet-service';
import type { Leadership } from '@/lib/fleet/leadership';
import type { SnapshotReplication } from '@/lib/fleet/replication';
import 'server-only';

export interface ReplicaCoordinatorOptions {
  service: FleetService;
  replication: SnapshotReplication;
  leadership: Leadership;
  /** How often a replica checks leadership and the leader's snapshot. */
  pollMs: number;
  log?: { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
}

/**
 * Decides this process's role and keeps it current: the leader runs the sync loop; a follower
 * loads the leader's snapshot whenever its version or status changes, and tries to take over on
 * every poll, so a dead leader is replaced within one poll (plus the new leader's first sync).
 */
export class ReplicaCoordinator {
  private timer: NodeJS.Timeout | null = null;
  private leading = false;
  private lastStatusSeen = '';
  private stopped = false;

  constructor(private readonly options: ReplicaCoordinatorOptions) {}

  isLeader(): boolean {
    return this.leading;
  }

  async start(): Promise<void> {
    await this.follow();
    await this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.options.service.stop();
    await this.options.leadership.release();
  }

  private async tick(): Promise<void> {
    try {
      const leader = await this.options.leadership.acquire();
      if (leader && !this.leading) {
        this.leading = true;
        // Continue from the newest replicated snapshot so versions (and ETags) keep increasing.
        await this.follow();
        this.options.log?.info({}, 'This replica now leads: syncing from Level and writing history');
        this.options.service.start();
      } else if (!leader && this.leading) {
        this.leading = false;
        this.options.service.stop();
        this.options.log?.warn({}, 'Lost sync leadership; following the new leader');
      } else if (!leader) {
        await this.follow();
      }
    } catch (error) {
      this.options.log?.warn({ error: String(error) }, 'Replica coordination failed; retrying');
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
  }

  private async follow(): Promise<void> {
    const status = await this.options.replication.loadStatus();
    if (!status) return;
    const key = JSON.stringify(status);
    if (key === this.lastStatusSeen) return;
    this.lastStatusSeen = key;
    const local = this.options.service.current()?.version ?? 0;
    const data = status.version > local ? await this.options.replication.loadData() : null;
    this.options.service.restore(data?.data ?? null, data ? { ...status, version: data.version } : status);
  }
}
