import 'server-only';

// History: what Levelboard saw at each sync, kept over time because Level only reports the present.
// The leader records (`HistoryRecorder.record` after each successful sync, `maintain` every few
// minutes); any replica reads (`HistoryReader`). Everything is in lib/db's tables.

export type { ChangesQuery } from '@/lib/history/changes';
export { DEFAULT_RETENTION, type HistoryOptions, type Retention } from '@/lib/history/config';
export type { CurrentDevice, DeviceHistoryData } from '@/lib/history/device-history';
export type { HistoryEvent } from '@/lib/history/event-history';
export type { MaintainResult } from '@/lib/history/maintain';
export { FLEET_SCOPE } from '@/lib/history/metrics';
export type { PruneResult } from '@/lib/history/prune';
export { HistoryReader, type HistoryReaderOptions } from '@/lib/history/reader';
export { HistoryRecorder, type RecordResult, type SyncInfo } from '@/lib/history/recorder';
export { InvalidHistoryWindow, RANGE_MS, type HistoryWindowInput } from '@/lib/history/resolution';
export type { SeriesData } from '@/lib/history/series';
