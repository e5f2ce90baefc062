import type { RollupValue } from '@/lib/history/rollup-store';
import 'server-only';

/** Rows in force per scope at time `at`; trusted only while `at` equals the stored watermark. */
export interface InForce {
  at: number;
  rows: Map<string, RollupValue>;
}

/**
 * What the rollup job knows between runs, so that it need not search the whole rollup table for
 * each scope's latest row every five minutes. Dropped whenever a write fails.
 */
export class RollupCache {
  /** Latest 5-minute row per scope, at the 5-minute watermark. */
  fiveMinute: InForce | null = null;
  /** Latest hourly row per scope, at the hourly watermark. */
  hourly: InForce | null = null;
  /** 5-minute rows in force at the hourly watermark (what the next hour starts from). */
  fiveMinuteAtHour: InForce | null = null;

  reset(): void {
    this.fiveMinute = null;
    this.hourly = null;
    this.fiveMinuteAtHour = null;
  }
}
