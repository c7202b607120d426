export { drillsProject, DEFAULT_DRILLS_DIR, DRILLS_DIR_VARIABLE } from './drills-project.ts';
export { PlanSequencer } from './plan-sequencer.ts';
export { drillFileTaskId, listDrillFiles, DRILL_FILE_SUFFIX, type DrillFile } from './drill-files.ts';
export { bindDrillFiles, CoverageError, type CoverageProblems } from './check-coverage.ts';
export { selectTasks, unknownTaskIds, type TaskSelection } from './select-tasks.ts';
export { runDrills, PROJECT_ROOT, type RunDrillsOptions, type RunDrillsResult } from './run-drills.ts';
