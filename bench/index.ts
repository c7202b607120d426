export * from './bench-results.ts';
export {
  BENCH_USAGE,
  DEFAULT_RESULTS_PATH,
  DEFAULT_RUNS,
  parseBenchOptions,
  type BenchOptions,
} from './bench-options.ts';
export {
  describeError,
  runBenchPart,
  type BenchContext,
  type BenchPartSpec,
  type PartOutcome,
} from './bench-part.ts';
export { formatBenchTable, formatValue } from './format-bench-table.ts';
export { readMachineInfo, readRevision } from './machine-info.ts';
export { PART_SPECS, runBench } from './run-bench.ts';
export { DRILL_WALL_FIGURE, SPEED_TARGET, summariseSpeed } from './speed-summary.ts';
export { startWorkbench, type ServedIngest, type Workbench } from './workbench.ts';
export { writeBenchResults } from './write-bench-results.ts';
