import type { Store } from '@/lib/db/open';
import type { ReplicatedStatus } from '@/lib/fleet/fleet-service';
import { dataOf, type FleetData, type FleetSnapshot } from '@/lib/fleet/snapshot';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import 'server-only';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const STATUS_KEY = 'fleet.sync-status';

/**
 * The syncing process writes each new snapshot (compressed off the event loop) and its sync
 * status to the database; other replicas read them, and a restarted process starts from them.
 */
export class SnapshotReplication {
  constructor(private readonly store: Store) {}

  async save(snapshot: FleetSnapshot, status: ReplicatedStatus): Promise<void> {
    const data = dataOf(snapshot);
    const payload = await gzipAsync(Buffer.from(JSON.stringify(data)), { level: 4 });
    const row = { id: 1, version: snapshot.version, synced_at: Date.parse(snapshot.syncedAt), payload };
    await this.store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('fleet_snapshots')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet({ version: row.version, synced_at: row.synced_at, payload }),
        )
        .execute();
      await this.writeStatus(trx, status);
    });
  }

  async saveStatus(status: ReplicatedStatus): Promise<void> {
    await this.writeStatus(this.store.db, status);
  }

  async loadStatus(): Promise<ReplicatedStatus | null> {
    const row = await this.store.db
      .selectFrom('key_values')
      .select('value')
      .where('key', '=', STATUS_KEY)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as ReplicatedStatus) : null;
  }

  async loadData(): Promise<{ version: number; data: FleetData } | null> {
    const row = await this.store.db
      .selectFrom('fleet_snapshots')
      .select(['version', 'payload'])
      .where('id', '=', 1)
      .executeTakeFirst();
    if (!row) return null;
    const data = JSON.parse((await gunzipAsync(row.payload)).toString('utf8')) as FleetData;
    return { version: row.version, data };
  }

  private async writeStatus(db: Pick<Store['db'], 'insertInto'>, status: ReplicatedStatus): Promise<void> {
    const value = JSON.stringify(status);
    const updatedAt = Date.now();
    await db
      .insertInto('key_values')
      .values({ key: STATUS_KEY, value, updated_at: updatedAt })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: updatedAt }))
      .execute();
  }
}
