// Live progress while a drill runs: the task in progress, its elapsed time against its estimate,
// and how many tasks are done. Everyone gets one line when a task starts and one when it ends; a
// terminal (not CI) also gets, every minute of a running task, a line with its elapsed time. Lines,
// not a redrawn line: vitest's own live summary repaints the bottom of the terminal and would
// scatter a carriage-return line.
import type { Reporter, TestModule } from 'vitest/node';
import type { DrillRunContext } from '../../drill/run-context.ts';
import { formatSeconds } from '../../runbook/index.ts';
import { drillFileTaskId } from '../../run/drill-files.ts';
import { formatDuration } from '../history/index.ts';
import type { TaskStatus } from '../report-record.ts';
import { readTaskResult } from '../task-result.ts';

export interface ProgressReporterOptions {
  context: DrillRunContext;
  /** Where progress goes (stderr by default: stdout stays for the reports' announcements). */
  stream?: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };
  /** Print the running task's elapsed time as it goes; by default when the stream is a terminal and CI is not set. */
  live?: boolean;
  /** How often a live line is printed. */
  tickMs?: number;
  now?: () => number;
}

const MARK: Record<TaskStatus, string> = { passed: '✓', failed: '✗', skipped: '–' };
const TICK_MS = 60_000;

export class ProgressReporter implements Reporter {
  readonly #context: DrillRunContext;
  readonly #stream: NonNullable<ProgressReporterOptions['stream']>;
  readonly #live: boolean;
  readonly #tickMs: number;
  readonly #now: () => number;
  #done = 0;
  #current: { id: string; startedAt: number } | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor({
    context,
    stream = process.stderr,
    live,
    tickMs = TICK_MS,
    now = Date.now,
  }: ProgressReporterOptions) {
    this.#context = context;
    this.#stream = stream;
    this.#live = live ?? (stream.isTTY === true && !process.env.CI);
    this.#tickMs = tickMs;
    this.#now = now;
  }

  onTestModuleStart(module: TestModule): void {
    const id = drillFileTaskId(module.moduleId);
    if (id === undefined) return;
    this.#current = { id, startedAt: this.#now() };
    this.#print(
      `▶ ${this.#position()} ${id} — ${this.#task(id)?.label ?? ''} (estimate ${this.#estimate(id)})`,
    );
    if (this.#live) this.#timer ??= setInterval(() => this.#printElapsed(), this.#tickMs).unref();
  }

  onTestModuleEnd(module: TestModule): void {
    const id = drillFileTaskId(module.moduleId);
    if (id === undefined) return;
    this.#done += 1;
    const result = readTaskResult(id, module);
    const elapsed = this.#current?.id === id ? (this.#now() - this.#current.startedAt) / 1000 : 0;
    this.#current = undefined;
    const outcome =
      result.status === 'skipped'
        ? `skipped${result.skipReason === undefined ? '' : `: ${result.skipReason}`}`
        : `${result.status} in ${formatDuration(elapsed)} (estimate ${this.#estimate(id)})`;
    this.#print(`${MARK[result.status]} ${this.#doneCount()} ${id} ${outcome}`);
  }

  onTestRunEnd(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** The live line: current task, elapsed against estimate, tasks done. */
  #printElapsed(): void {
    const current = this.#current;
    if (current === undefined) return;
    const elapsed = (this.#now() - current.startedAt) / 1000;
    this.#print(
      `… ${current.id} running for ${formatDuration(elapsed)} of ~${this.#estimate(current.id)}, ${this.#doneCount()} done`,
    );
  }

  #print(line: string): void {
    this.#stream.write(`${line}\n`);
  }

  #task(id: string) {
    return this.#context.plan.tasks.find((task) => task.id === id);
  }

  #estimate(id: string): string {
    const task = this.#task(id);
    return task === undefined ? 'none' : formatSeconds(task.estimateSeconds);
  }

  #position(): string {
    return `[${this.#done + 1}/${this.#context.selectedIds.length}]`;
  }

  #doneCount(): string {
    return `[${this.#done}/${this.#context.selectedIds.length}]`;
  }
}
