export { task } from './task.ts';
export { useEnv } from './use-env.ts';
export { useRunOptions, getRunContext, type DrillRunContext, type DrillRunOptions } from './run-context.ts';
// What the evidence bundle keeps: the versions involved and the backup's manifest.
export {
  backupVersionName,
  recordBackupManifest,
  recordVersion,
  reingestedMeasureName,
} from './record-evidence.ts';
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
// Sensitivity: each assertion's id, and the mutations that must make it fail.
export { assertionId } from './assertion-id.ts';
export { actionDone, appliedMutationsPath, type ActiveMutation } from './apply-mutation.ts';
export { defineMutations, type DrillMutations, type Mutation, type MutationMoment } from './mutation.ts';
