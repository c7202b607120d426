// The drills project's reporter: keeps the run's start time, derives everything once at the end,
// writes report.json, junit.xml and report.md, and announces them in one line.
import type { Reporter, SerializedError, TestModule } from 'vitest/node';
import type { DrillRunContext } from '../drill/run-context.ts';
import { buildReport } from './build-report.ts';
import { renderJunitXml } from './junit-xml.ts';
import type { DrillRunRecord } from './report-record.ts';
import { renderReportMarkdown } from './report-markdown.ts';
import { writeReportFiles } from './write-report.ts';

export interface DrillReporterOptions {
  context: DrillRunContext;
  /** Where the announcement goes (stdout by default). */
  log?: (line: string) => void;
}

export class DrillReporter implements Reporter {
  readonly #options: DrillReporterOptions;
  #startedAt = new Date();
  #record: DrillRunRecord | undefined;

  constructor(options: DrillReporterOptions) {
    this.#options = options;
  }

  /** The run's record, once the run has ended. */
  get record(): DrillRunRecord | undefined {
    return this.#record;
  }

  onTestRunStart(): void {
    this.#startedAt = new Date();
  }

  async onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    errors: ReadonlyArray<SerializedError>,
  ): Promise<void> {
    const { context, log = (line) => process.stdout.write(`${line}\n`) } = this.#options;
    const record = buildReport({
      context,
      modules,
      runErrors: errors,
      startedAt: this.#startedAt,
      finishedAt: new Date(),
    });
    this.#record = record;
    const dir = await writeReportFiles(context.options.reportsDir, context.options.runId, {
      'report.json': `${JSON.stringify(record.report, null, 2)}\n`,
      'junit.xml': renderJunitXml(record),
      'report.md': renderReportMarkdown(record.report, context.plan),
    });
    log(`report written to ${dir}`);
  }
}
