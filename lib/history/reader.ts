import type { Store } from '@/lib/db/open';
import type { ChangeEvent } from '@/lib/domain/history';
import { readChanges, type ChangesQuery } from '@/lib/history/changes';
import { historyConfig, type HistoryConfig, type HistoryOptions } from '@/lib/history/config';
import { readDeviceHistory, type CurrentDevice, type DeviceHistoryData } from '@/lib/history/device-history';
import { DEFAULT_MAX_POINTS, type HistoryWindowInput } from '@/lib/history/resolution';
import { readSeries, type SeriesData } from '@/lib/history/series';
import 'server-only';

export interface HistoryReaderOptions extends HistoryOptions {
  /** Most points a series returns (default 800). */
  maxPoints?: number;
  /** Most transitions a device answer lists (default 500, the most recent). */
  maxTransitions?: number;
}

/** Read side of the history, for the API routes; any replica may use one. */
export class HistoryReader {
  private readonly config: HistoryConfig;
  private readonly maxPoints: number;
  private readonly maxTransitions: number;

  constructor(
    private readonly store: Store,
    options: HistoryReaderOptions = {},
  ) {
    this.config = historyConfig(options);
    this.maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
    this.maxTransitions = options.maxTransitions ?? 500;
  }

  /** `scope` is `fleet` or a group id (its whole subtree). Throws InvalidHistoryWindow for nonsense. */
  series(scope: string, window: HistoryWindowInput): Promise<SeriesData> {
    return readSeries(this.store.db, this.config, scope, window, this.maxPoints);
  }

  device(deviceId: string, window: HistoryWindowInput, current?: CurrentDevice): Promise<DeviceHistoryData> {
    return readDeviceHistory(this.store.db, this.config, deviceId, window, {
      current,
      maxTransitions: this.maxTransitions,
    });
  }

  changes(query: ChangesQuery): Promise<ChangeEvent[]> {
    return readChanges(this.store.db, query);
  }
}
