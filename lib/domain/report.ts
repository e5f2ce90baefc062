// A client report (issue 20): the period it covers. The report's content (`ClientReport`) is
// defined with its builder in lib/reports/model.ts.

/** Epoch ms, start inclusive, end exclusive. */
export interface ReportPeriod {
  start: number;
  end: number;
}
