// The CLI's command table: a new subcommand (manifest, history…) is one entry here.
import { FIXTURE_USAGE, MANIFEST_USAGE, runFixtureCommand, runManifestCommand } from '../pg/index.ts';
import { historyCommand, HISTORY_USAGE } from './history-command.ts';
import { planCommand, PLAN_USAGE } from './plan-command.ts';
import { rehearsalCommand, REHEARSAL_USAGE } from './rehearsal-command.ts';
import { runbookCommand, RUNBOOK_USAGE } from './runbook-command.ts';
import { runCommand, RUN_USAGE } from './run-command.ts';
import { sensitivityCommand, SENSITIVITY_USAGE } from './sensitivity-command.ts';
import type { ExitCode } from './exit-codes.ts';

export interface Command {
  summary: string;
  usage: string;
  run(argv: readonly string[]): Promise<ExitCode>;
}

export const COMMANDS: Record<string, Command> = {
  plan: {
    summary: 'print the parsed runbook plan, its critical path and its lint',
    usage: PLAN_USAGE,
    run: planCommand,
  },
  run: {
    summary: 'run the drills in plan order and write reports/<runId>/',
    usage: RUN_USAGE,
    run: runCommand,
  },
  sensitivity: {
    summary: 'prove every assertion can fail: each mutation next to the drills must break its assertion',
    usage: SENSITIVITY_USAGE,
    run: sensitivityCommand,
  },
  manifest: {
    summary: 'restore a custom-format dump into a throwaway PostgreSQL and write its manifest',
    usage: MANIFEST_USAGE,
    run: runManifestCommand,
  },
  fixture: {
    summary: 'build the backup fixture (cached on its inputs) and its manifest',
    usage: FIXTURE_USAGE,
    run: runFixtureCommand,
  },
  runbook: {
    summary:
      'propose a corrected runbook page (durations from the latest forecast, drift rewritten) and its diff',
    usage: RUNBOOK_USAGE,
    run: runbookCommand,
  },
  rehearsal: {
    summary: 'try drill:prod on a real single-node Kubernetes built here: confirmed, then read-only',
    usage: REHEARSAL_USAGE,
    run: rehearsalCommand,
  },
  history: {
    summary: 'print the recent runs: verdict, total against budget, slowest tasks',
    usage: HISTORY_USAGE,
    run: historyCommand,
  },
};
