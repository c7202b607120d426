// Keeps what the drills print (console output, with the task it came from) in the run's folder as
// drill-output.log, secrets masked as each line is written: reports/ is uploaded as a CI artefact.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { drillFileTaskId } from '../../run/drill-files.ts';
import { redact } from '../../safety/index.ts';
import { runSecrets } from './run-secrets.ts';

export const DRILL_OUTPUT_LOG = 'drill-output.log';

export class ConsoleLogRecorder implements Reporter {
  readonly #path: string;
  #vitest: Vitest | undefined;
  #task = '-';

  constructor({ runDir }: { runDir: string }) {
    mkdirSync(runDir, { recursive: true });
    this.#path = join(runDir, DRILL_OUTPUT_LOG);
  }

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  onTestModuleStart(module: TestModule): void {
    this.#task = drillFileTaskId(module.moduleId) ?? module.moduleId;
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    const lines = log.content.replace(/\n$/, '').split('\n');
    const prefix = `${new Date(log.time).toISOString()} ${this.#task} ${log.type}`;
    const text = lines.map((line) => `${prefix} ${line}\n`).join('');
    appendFileSync(this.#path, redact(text, runSecrets(this.#vitest)));
  }
}
