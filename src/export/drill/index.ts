export { declareExportChecks } from './declare-export-checks.ts';
export { exportActionTimeoutMs, runMeasuredExport } from './run-measured-export.ts';
