// The `drills` vitest project: drill files run one at a time in plan order, in one worker, so each
// task can read the outcome of the ones before it (src/drill/run-state.ts).
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { DRILL_FILE_SUFFIX } from './drill-files.ts';
import { DRILL_VARIABLES, readDrillVariables } from '../config/index.ts';

/** Environment variable through which the CLI points the project at another drills directory. */
export const DRILLS_DIR_VARIABLE = 'DRILL_DRILLS_DIR';
export const DEFAULT_DRILLS_DIR = DRILL_VARIABLES.DRILL_DRILLS_DIR.default;

export function drillsProject(
  drillsDir: string = readDrillVariables().DRILL_DRILLS_DIR,
): TestProjectInlineConfiguration {
  return {
    test: {
      name: 'drills',
      include: [`${drillsDir.replace(/\/+$/, '')}/*${DRILL_FILE_SUFFIX}`],
      globalSetup: ['src/run/global-setup.ts'],
      fileParallelism: false,
      maxWorkers: 1,
      // A drill's failure says something about the system; it is never retried away.
      retry: 0,
      // The order comes from PlanSequencer, set on the root config by runDrills (vitest takes a
      // sequencer only there).
      sequence: { hooks: 'stack' },
      testTimeout: 30 * 60_000,
      hookTimeout: 30 * 60_000,
    },
  };
}
