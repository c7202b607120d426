// Turns probe results into the drill's verdict: required failures fail the task, optional and
// obsolete ones become warnings; every probe's duration and every runbook drift is reported.
import { RequiredServicesError } from './check-error.ts';
import type { ProbeResult } from './probe-result.ts';

/** What the drill runtime offers (`warn`, `recordMeasure` from src/drill). */
export interface ProbeReporter {
  warn(message: string): void;
  recordMeasure(name: string, value: number, unit: string): void;
}

export function settleProbes(task: string, results: ProbeResult[], reporter: ProbeReporter): void {
  const failures: string[] = [];
  for (const result of results) {
    if (result.attempts > 0) reporter.recordMeasure(`probe ${result.service}`, result.durationMs, 'ms');
    if (result.drift) reporter.warn(`${task}: runbook drift: ${result.drift}`);
    if (result.ok) {
      if (result.level === 'obsolete') {
        reporter.warn(`${task}: ${result.service} answers but is obsolete: ${result.reason ?? 'not needed'}`);
      }
      continue;
    }
    if (result.level === 'required') {
      failures.push(result.problem ?? `${result.service}: failed`);
    } else {
      const why =
        result.reason && result.failure !== 'not-configured' ? ` (${result.level}: ${result.reason})` : '';
      reporter.warn(`${task}: ${result.level} service, not failing: ${result.problem}${why}`);
    }
  }
  if (failures.length > 0) throw new RequiredServicesError(task, failures);
}
