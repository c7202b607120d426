export { task } from './task.ts';
export { useEnv } from './use-env.ts';
export { useRunOptions, getRunContext, type DrillRunContext, type DrillRunOptions } from './run-context.ts';
// What the evidence bundle keeps: the versions involved and the backup's manifest.
export { recordBackupManifest, recordVersion } from '../report/evidence/index.ts';
// Names under which tt2/tt3 record what the report's RPO reads.
export { backupVersionName, reingestedMeasureName } from '../report/recovery-objectives.ts';
export { recordMeasure, warn, type DrillMeasure, type DrillMeta } from './drill-meta.ts';
export {
  readRunState,
  skipReasonFor,
  type RunState,
  type TaskOutcome,
  type TaskOutcomeRecord,
} from './run-state.ts';
