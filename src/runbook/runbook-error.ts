// The one error the runbook parser throws: always names the file, and the line when there is one,
// e.g. "plan-de-reprise.md:23: task tt3 depends on unknown id tx9".

export class RunbookError extends Error {
  override name = 'RunbookError';
  /** Path of the runbook, as given to the parser. */
  readonly path: string;
  /** 1-based line the problem is on; undefined for whole-file problems (no gantt block). */
  readonly line: number | undefined;
  /** The problem alone, without the `path:line:` prefix. */
  readonly detail: string;

  constructor(path: string, line: number | undefined, detail: string, options?: ErrorOptions) {
    super(`${line === undefined ? path : `${path}:${line}`}: ${detail}`, options);
    this.path = path;
    this.line = line;
    this.detail = detail;
  }
}
