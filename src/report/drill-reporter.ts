// The drills project's reporter: keeps the run's start time, derives everything once at the end,
// writes report.json, junit.xml, report.md, index.html and the evidence bundle (with the runbook the
// forecast proposes), announces them in one line, then records the run in the history and sends the
// notification.
import type { Reporter, SerializedError, TestModule, Vitest } from 'vitest/node';
import { redact } from '../safety/index.ts';
import type { DrillRunContext } from '../drill/run-context.ts';
import { forecastSecondsByTask, type ProductionVolumes } from '../forecast/index.ts';
import { proposeRunbookFile } from '../runbook/propose/index.ts';
import { PROJECT_ROOT } from '../run/run-drills.ts';
import { buildReport } from './build-report.ts';
import { collectVersions, runSecrets, writeEvidenceBundle } from './evidence/index.ts';
import { appendHistory, readHistory, toHistoryEntry } from './history/index.ts';
import { renderReportHtml } from './html/index.ts';
import { notifyRun } from './notify/index.ts';
import { renderForecastMarkdown } from './forecast-markdown.ts';
import { renderJunitXml } from './junit-xml.ts';
import type { DrillRunRecord } from './report-record.ts';
import { renderReportMarkdown } from './report-markdown.ts';
import { writeReportFiles } from './write-report.ts';
import { readDrillVariables } from '../config/index.ts';

export interface DrillReporterOptions {
  context: DrillRunContext;
  /** What the forecast scales to (src/cli/production-volumes-option.ts). */
  volumes: ProductionVolumes;
  /** Where the announcement goes (stdout by default). */
  log?: (line: string) => void;
}

export class DrillReporter implements Reporter {
  readonly #options: DrillReporterOptions;
  #vitest: Vitest | undefined;
  #startedAt = new Date();
  #record: DrillRunRecord | undefined;

  constructor(options: DrillReporterOptions) {
    this.#options = options;
  }

  /** The run's record, once the run has ended. */
  get record(): DrillRunRecord | undefined {
    return this.#record;
  }

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  onTestRunStart(): void {
    this.#startedAt = new Date();
  }

  async onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    errors: ReadonlyArray<SerializedError>,
  ): Promise<void> {
    const { context, volumes, log = (line) => process.stdout.write(`${line}\n`) } = this.#options;
    const earlierRuns = await readHistory(context.options.reportsDir);
    const record = buildReport({
      context,
      modules,
      runErrors: errors,
      startedAt: this.#startedAt,
      finishedAt: new Date(),
      setupPhases: this.#vitest?.projects.find((project) => project.name === 'drills')?.getProvidedContext()
        .drillSetupPhases,
      versions: await collectVersions(context.options.runReportDir, PROJECT_ROOT),
      volumes,
      history: earlierRuns,
    });
    this.#record = record;
    // Failure messages can quote a connection string or a token: every file is redacted.
    const secrets = runSecrets(this.#vitest);
    const files = {
      'report.json': `${JSON.stringify(record.report, null, 2)}\n`,
      'junit.xml': renderJunitXml(record),
      'report.md': renderReportMarkdown(record.report, context.plan),
      'index.html': renderReportHtml({
        record,
        plan: context.plan,
        earlierRuns,
      }),
    };
    const redacted = Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, redact(text, secrets)]),
    );
    // Written into the run's folder before the reports, so that the copy to latest/ takes it too.
    const proposal = await proposeRunbookFile(
      context.plan.path,
      forecastSecondsByTask(record.report.forecast),
    ).catch((error: unknown) => log(`runbook proposal not made: ${redact(String(error), secrets)}`));
    await writeEvidenceBundle({
      runDir: context.options.runReportDir,
      reports: redacted,
      runbookPath: context.plan.path,
      manifestPath: readDrillVariables().DRILL_MANIFEST,
      versions: record.report.versions,
      forecastMarkdown: redact(`${renderForecastMarkdown(record.report).join('\n')}\n`, secrets),
      proposal: proposal ?? undefined,
      secrets,
    }).catch((error: unknown) => log(`evidence bundle not written: ${redact(String(error), secrets)}`));
    const dir = await writeReportFiles(context.options.reportsDir, context.options.runId, redacted);
    await appendHistory(context.options.reportsDir, toHistoryEntry(record.report));
    log(`report written to ${dir}`);
    const notice = await notifyRun(record.report);
    if (notice !== undefined) log(notice);
  }
}
