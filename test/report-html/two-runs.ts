// The two CLI runs the end-to-end report test reads back: on this folder's fixture runbook and
// drills, with a temporary reports folder and a local webhook receiver. The first passes (its
// webhook answers 503); the second has c1 failing, b1 slow, a token in the environment that b1
// prints, and a backup manifest named by DRILL_MANIFEST.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DrillReport } from '../../src/report/index.ts';
import { loadPlan, type Plan } from '../../src/runbook/index.ts';
import { ROOT, runCli, temporaryReportsDir, type CliResult } from '../run/run-cli.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

export const RUNBOOK = 'test/report-html/fixtures/runbook.md';
const DRILLS = 'test/report-html/fixtures/drills';
export const TOKEN = 'tok-9f3c51e2a7';

export interface ReportedRun {
  cli: CliResult;
  /** The run's folder, as announced. */
  dir: string;
  report: DrillReport;
}

export interface TwoRuns extends AsyncDisposable {
  reportsDir: string;
  /** A temporary folder for the test's own files. */
  scratch: string;
  manifestPath: string;
  plan: Plan;
  receiver: WebhookReceiver;
  runs: [ReportedRun, ReportedRun];
}

export async function runTwice(): Promise<TwoRuns> {
  const reports = await temporaryReportsDir();
  const scratch = await mkdtemp(join(tmpdir(), 'cdtn-drill-evidence-test-'));
  const receiver = await startWebhookReceiver(503);
  const dispose = async (): Promise<void> => {
    await receiver[Symbol.asyncDispose]();
    await reports[Symbol.asyncDispose]();
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    const manifestPath = join(scratch, 'backup.manifest.json');
    await writeFile(manifestPath, `${JSON.stringify({ tables: { documents: { rows: 3 } } })}\n`);
    const run = async (env: Record<string, string>): Promise<ReportedRun> => {
      const args = ['run', '--runbook', RUNBOOK, '--drills', DRILLS, '--reports', reports.path, '--no-env'];
      const cli = await runCli(args, { DRILL_NOTIFY_WEBHOOK: receiver.url, ...env });
      const announced = cli.stdout.split('\n').find((line) => line.startsWith('report written to '));
      if (announced === undefined)
        throw new Error(`the run announced no report:\n${cli.stdout}\n${cli.stderr}`);
      const dir = announced.slice('report written to '.length);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as DrillReport;
      return { cli, dir, report };
    };
    const first = await run({});
    receiver.status = 200;
    const second = await run({
      FIXTURE_FAIL_TASKS: 'c1',
      FIXTURE_SLOW_TASKS: 'b1',
      FIXTURE_TOKEN: TOKEN,
      DRILL_MANIFEST: manifestPath,
    });
    return {
      reportsDir: reports.path,
      scratch,
      manifestPath,
      plan: await loadPlan(join(ROOT, RUNBOOK)),
      receiver,
      runs: [first, second],
      [Symbol.asyncDispose]: dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
