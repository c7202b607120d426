// The drills project's reporter: keeps the run's start time, derives everything once at the end,
// writes report.json, junit.xml and report.md, and announces them in one line.
import type { Reporter, SerializedError, TestModule, Vitest } from 'vitest/node';
import type { DrillEnvDescriptor } from '../env/drill-env.ts';
import { environmentSecrets, redact } from '../safety/index.ts';
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
    const { context, log = (line) => process.stdout.write(`${line}\n`) } = this.#options;
    const record = buildReport({
      context,
      modules,
      runErrors: errors,
      startedAt: this.#startedAt,
      finishedAt: new Date(),
    });
    this.#record = record;
    // Failure messages can quote a connection string or a token: every file is redacted.
    const descriptor = this.#vitest?.projects
      .find((project) => project.name === 'drills')
      ?.getProvidedContext().drillEnv;
    const secrets = [...environmentSecrets(process.env), ...descriptorSecrets(descriptor)];
    const files = {
      'report.json': `${JSON.stringify(record.report, null, 2)}\n`,
      'junit.xml': renderJunitXml(record),
      'report.md': renderReportMarkdown(record.report, context.plan),
    };
    const dir = await writeReportFiles(
      context.options.reportsDir,
      context.options.runId,
      Object.fromEntries(Object.entries(files).map(([name, text]) => [name, redact(text, secrets)])),
    );
    log(`report written to ${dir}`);
  }
}

/** The environment's own credentials (generated for an ephemeral run, so in no variable). */
function descriptorSecrets(descriptor: DrillEnvDescriptor | null | undefined): string[] {
  const auth = descriptor?.search?.auth;
  const searchSecret = auth === undefined ? undefined : 'apiKey' in auth ? auth.apiKey : auth.password;
  return [descriptor?.pg.password, searchSecret].filter(
    (value): value is string => (value ?? '').length >= 4,
  );
}
