// Every DRILL_* variable the drill reads (src/, drills/, scripts/), each with its one default and
// its check; readDrillVariables (read-drill-variables.ts) checks them all in one pass, and
// docs/drill-prod.md's variables table lists them (test/config/variables-table.test.ts).
import { CHECKS_VARIABLES } from './checks-variables.ts';
import type { DrillVariable } from './drill-variable.ts';
import { RUN_VARIABLES } from './run-variables.ts';
import { STEP_VARIABLES } from './step-variables.ts';

export { DRILL_TARGETS } from './run-variables.ts';
export { ENVIRONMENT_KINDS, EXPORT_ENVIRONMENTS, RESTORE_TEST_SERVERS } from './step-variables.ts';

export const DRILL_VARIABLES = { ...CHECKS_VARIABLES, ...STEP_VARIABLES, ...RUN_VARIABLES };

export type DrillVariableName = keyof typeof DRILL_VARIABLES;

/** The same declarations, each seen through the common type (to iterate over them). */
export const DECLARATIONS: Readonly<Record<DrillVariableName, DrillVariable>> = DRILL_VARIABLES;
