import pg from 'pg';
import 'server-only';

/** Who may sync from Level and write history: exactly one process per database. */
export interface Leadership {
  /** Tries to become (or stay) the leader; true while this process leads. */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

/** SQLite: one process owns the file, so it always leads. */
export const soleLeadership: Leadership = {
  acquire: async () => true,
  release: async () => {},
};

// Any constant works as long as every replica uses the same one.
const LOCK_KEY = 7_316_002_451;

/**
 * PostgreSQL: a session-level advisory lock held on a dedicated connection. If the leader dies,
 * PostgreSQL drops its connection and the lock with it; the next replica to ask gets it.
 */
export class AdvisoryLockLeadership implements Leadership {
  private client: pg.Client | null = null;
  private leading = false;

  constructor(private readonly databaseUrl: string) {}

  async acquire(): Promise<boolean> {
    try {
      if (!this.client) {
        const client = new pg.Client({ connectionString: this.databaseUrl });
        client.on('error', () => this.drop());
        await client.connect();
        this.client = client;
      }
      if (this.leading) {
        await this.client.query('SELECT 1');
        return true;
      }
      const result = await this.client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [LOCK_KEY],
      );
      this.leading = result.rows[0]?.locked === true;
      return this.leading;
    } catch {
      this.drop();
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    this.drop();
    await client?.end().catch(() => {});
  }

  private drop(): void {
    this.leading = false;
    const client = this.client;
    this.client = null;
    client?.end().catch(() => {});
  }
}
