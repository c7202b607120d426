export { task } from './task.ts';
export { useEnv } from './use-env.ts';
export { useRunOptions, getRunContext, type DrillRunContext, type DrillRunOptions } from './run-context.ts';
// What the evidence bundle keeps: the versions involved and the backup's manifest.
export { recordBackupManifest, recordVersion } from './record-evidence.ts';
export { recordMeasure, warn, type DrillMeasure, type DrillMeta } from './drill-meta.ts';
export {
  readRunState,
  skipReasonFor,
  type RunState,
  type TaskOutcome,
  type TaskOutcomeRecord,
} from './run-state.ts';
// tt4 and tt5: the export's action and what must hold on the aliases afterwards.
export { declareExportChecks } from './declare-export-checks.ts';
export { exportActionTimeoutMs, runMeasuredExport } from './run-measured-export.ts';
