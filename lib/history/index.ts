import 'server-only';

export type { ChangesQuery } from '@/lib/history/changes';
export { DEFAULT_RETENTION, type HistoryOptions, type Retention } from '@/lib/history/config';
export type { CurrentDevice, DeviceHistoryData } from '@/lib/history/device-history';
export type { MaintainResult } from '@/lib/history/maintain';
export type { PruneResult } from '@/lib/history/prune';
export { HistoryReader, type HistoryReaderOptions } from '@/lib/history/reader';
export { HistoryRecorder, type RecordResult, type SyncInfo } from '@/lib/history/recorder';
export { InvalidHistoryWindow, RANGE_MS, type HistoryWindowInput } from '@/lib/history/resolution';
export type { SeriesData } from '@/lib/history/series';
