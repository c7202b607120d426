// One part of the bench: what it repeats, how it runs, and its record. A part that throws is
// recorded as failed with its error (causes included) and the bench goes on to the next one.
import type { BenchBaseline, BenchFigure, BenchPart, BenchPartRecord } from './bench-results.ts';
import type { Workbench } from './workbench.ts';

export interface BenchContext {
  /** Repetitions of the compared pairs (--runs). */
  runs: number;
  signal: AbortSignal;
  /** The shared restored (then ingested) environment, started on first use, stopped by the bench. */
  workbench(): Promise<Workbench>;
  log(line: string): void;
}

export interface PartOutcome {
  figures: BenchFigure[];
  facts?: Record<string, string>;
  /** Versions of components the part started, merged into the machine's. */
  versions?: Record<string, string>;
  /** Raw operations the drill also performs (the drill's speed ratio sums them). */
  baselines?: BenchBaseline[];
}

export interface BenchPartSpec {
  part: BenchPart;
  /** How the part repeats its measures, for the record and the table. */
  repetition(runs: number): string;
  /** Works on the shared workbench (which is stopped once no later part needs it). */
  usesWorkbench: boolean;
  run(context: BenchContext): Promise<PartOutcome>;
}

export async function runBenchPart(
  spec: BenchPartSpec,
  context: BenchContext,
  versions: Record<string, string>,
): Promise<BenchPartRecord> {
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  const base = { part: spec.part, repetition: spec.repetition(context.runs) };
  context.log(`${spec.part}: started`);
  try {
    const outcome = await spec.run(context);
    Object.assign(versions, outcome.versions);
    context.log(`${spec.part}: measured in ${seconds().toFixed(1)} s`);
    return {
      ...base,
      status: 'measured',
      seconds: seconds(),
      figures: outcome.figures,
      facts: outcome.facts ?? {},
      ...(outcome.baselines ? { baselines: outcome.baselines } : {}),
    };
  } catch (error) {
    const message = describeError(error);
    context.log(`${spec.part}: failed: ${message}`);
    return { ...base, status: 'failed', seconds: seconds(), figures: [], facts: {}, error: message };
  }
}

/** The message and those of its causes, which often say more (pg_restore's stderr, a log tail). */
export function describeError(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current !== undefined && messages.length < 5;) {
    messages.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join('\ncaused by: ');
}
