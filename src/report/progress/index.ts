export { ProgressReporter, type ProgressReporterOptions } from './progress-reporter.ts';
