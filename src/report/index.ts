export { DrillReporter, type DrillReporterOptions } from './drill-reporter.ts';
export { buildReport, type BuildReportInput } from './build-report.ts';
export { renderJunitXml } from './junit-xml.ts';
export { renderReportMarkdown } from './report-markdown.ts';
export { writeReportFiles, LATEST_DIR } from './write-report.ts';
export {
  STATUS_OF_TEST_STATE,
  type AssertionRecord,
  type DrillReport,
  type DrillRunRecord,
  type FailureRecord,
  type TaskRecord,
  type TaskStatus,
  type Verdict,
} from './report-record.ts';
