// The sensitivity matrix: for each assertion (by id), the mutations tried on it and what it did:
// failed as expected (the mutation targets it), also failed (another mutation broke it too), or
// not caught (its mutation left it passing). "N of M assertions proven sensitive" counts those
// that failed under at least one mutation, among those the baseline ran and passed.
import type { AssertionOutcome } from '../../run/sensitivity/drill-session.ts';
import type { SensitivityRun } from '../../run/sensitivity/run-sensitivity.ts';

export type MutationVerdict = 'failed as expected' | 'also failed' | 'not caught';

export interface MutationTried {
  mutation: string;
  description: string;
  verdict: MutationVerdict;
  /** The assertion's failure message: what it named. */
  message?: string;
}

export interface AssertionSensitivity {
  task: string;
  title: string;
  sensitive: boolean;
  mutations: MutationTried[];
}

export interface SensitivityReport {
  runId: string;
  finishedAt: string;
  /** One mutation per drill (the tests' slice) rather than the whole matrix. */
  slice: boolean;
  seconds: number;
  headline: string;
  proven: number;
  total: number;
  assertions: Record<string, AssertionSensitivity>;
  /** Assertions the baseline skipped on this target (cluster only): outside the matrix. */
  notOnThisTarget: string[];
  mutations: { id: string; task: string; breaks: string; applied: boolean; seconds: number }[];
  /** Everything that keeps the run from proving what it should; empty when it passes. */
  defects: string[];
}

export function buildSensitivityReport(
  run: SensitivityRun,
  meta: { runId: string; slice: boolean; finishedAt: Date },
): SensitivityReport {
  const defects = baselineDefects(run);
  const assertions: Record<string, AssertionSensitivity> = {};
  for (const outcome of run.baseline.outcomes)
    if (outcome.id !== undefined && outcome.state === 'passed')
      assertions[outcome.id] = { task: outcome.task, title: outcome.title, sensitive: false, mutations: [] };
  for (const { mutation, outcomes, applied, problems } of run.runs) {
    if (!applied) defects.push(`${mutation.id}: never applied, so it proves nothing`);
    defects.push(...problems.map((problem) => `${mutation.id}: ${problem}`));
    if (assertions[mutation.breaks] === undefined)
      defects.push(`${mutation.id} breaks ${mutation.breaks}, which no assertion of this run has`);
    for (const outcome of outcomes) {
      const entry = outcome.id === undefined ? undefined : assertions[outcome.id];
      if (entry === undefined) continue;
      const verdict = verdictOf(outcome, mutation.breaks, applied);
      if (verdict === undefined) continue;
      if (verdict === 'not caught') defects.push(`${mutation.id}: ${mutation.breaks} still passes`);
      else entry.sensitive = true;
      const tried = { mutation: mutation.id, description: mutation.description, verdict };
      entry.mutations.push(outcome.message === undefined ? tried : { ...tried, message: outcome.message });
    }
  }
  const ids = Object.keys(assertions).sort();
  const proven = ids.filter((id) => assertions[id]!.sensitive).length;
  if (!meta.slice)
    for (const id of ids) if (!assertions[id]!.sensitive) defects.push(`${id}: no mutation makes it fail`);
  return {
    runId: meta.runId,
    finishedAt: meta.finishedAt.toISOString(),
    slice: meta.slice,
    seconds: Number(run.seconds.toFixed(1)),
    headline: `${proven} of ${ids.length} assertions proven sensitive`,
    proven,
    total: ids.length,
    assertions: Object.fromEntries(ids.map((id) => [id, assertions[id]!])),
    notOnThisTarget: run.baseline.outcomes
      .filter((outcome) => outcome.state === 'skipped')
      .map((outcome) => outcome.id ?? outcome.title),
    mutations: run.runs.map(({ mutation, task, applied, seconds }) => ({
      id: mutation.id,
      task,
      breaks: mutation.breaks,
      applied,
      seconds: Number(seconds.toFixed(1)),
    })),
    defects,
  };
}

function verdictOf(outcome: AssertionOutcome, breaks: string, applied: boolean): MutationVerdict | undefined {
  if (outcome.id === breaks)
    return applied && outcome.state === 'failed' ? 'failed as expected' : 'not caught';
  return applied && outcome.state === 'failed' ? 'also failed' : undefined;
}

/** A baseline that does not pass, or a test without id, leaves nothing to measure against. */
function baselineDefects(run: SensitivityRun): string[] {
  const defects = run.baseline.problems.map((problem) => `baseline: ${problem}`);
  const seen = new Set<string>();
  for (const outcome of run.baseline.outcomes) {
    if (outcome.state === 'failed')
      defects.push(`baseline: ${outcome.id ?? outcome.title} failed: ${outcome.message ?? ''}`);
    if (outcome.id === undefined) defects.push(`${outcome.task}: "${outcome.title}" has no assertion id`);
    else if (seen.has(outcome.id)) defects.push(`${outcome.id}: two assertions have this id`);
    else seen.add(outcome.id);
  }
  return defects;
}
