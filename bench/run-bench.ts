// Runs the selected parts in order in this one process. The workbench (restored, then ingested
// environment) is started by the first part that needs it and stopped as soon as no later part
// does (before the drill, which starts its own), and in any case before returning.
import type { BenchContext, BenchPartSpec } from './bench-part.ts';
import { runBenchPart } from './bench-part.ts';
import type { BenchOptions } from './bench-options.ts';
import { BENCH_FORMAT_VERSION, type BenchPart, type BenchResults } from './bench-results.ts';
import { drillPart } from './drill-part.ts';
import { envPart } from './env-part.ts';
import { exportPart } from './export-part.ts';
import { ingestPart } from './ingest-part.ts';
import { readMachineInfo, readRevision } from './machine-info.ts';
import { restorePart } from './restore-part.ts';
import { summariseSpeed } from './speed-summary.ts';
import { startWorkbench, type Workbench } from './workbench.ts';

export const PART_SPECS: Record<BenchPart, BenchPartSpec> = {
  env: envPart,
  restore: restorePart,
  ingest: ingestPart,
  export: exportPart,
  drill: drillPart,
};

export async function runBench(
  options: BenchOptions,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<BenchResults> {
  const date = new Date().toISOString();
  const started = performance.now();
  const [machine, revision] = await Promise.all([readMachineInfo(), readRevision()]);
  let workbench: Promise<Workbench> | undefined;
  const stopWorkbench = async () => {
    const running = await workbench?.catch(() => undefined);
    workbench = undefined;
    if (running) {
      log(`workbench: stopping run ${running.runId}`);
      await running.stop();
    }
  };
  const context: BenchContext = {
    runs: options.runs,
    signal,
    workbench: () => (workbench ??= startWorkbench(signal, log)),
    log,
  };
  const parts = [];
  try {
    for (const [position, part] of options.parts.entries()) {
      if (signal.aborted) break;
      parts.push(await runBenchPart(PART_SPECS[part], context, machine.versions));
      if (!options.parts.slice(position + 1).some((next) => PART_SPECS[next].usesWorkbench))
        await stopWorkbench();
    }
  } finally {
    await stopWorkbench();
  }
  return {
    formatVersion: BENCH_FORMAT_VERSION,
    date,
    seconds: Math.round(performance.now() - started) / 1000,
    revision,
    machine,
    options: { parts: options.parts, runs: options.runs },
    parts,
    speed: summariseSpeed(parts),
  };
}
