// The error every check throws: names the task, the object (service, URL, file, index), what was
// expected and what was found; the low-level error stays as `cause`.

export interface CheckErrorDetails {
  task: string;
  /** What was checked: "backup fixtures/backup/cdtn-admin.dump", "GitHub SocialGouv/cdtn-admin"… */
  object: string;
  expected: string;
  found: string;
}

export class CheckError extends Error {
  override name = 'CheckError';
  readonly task: string;
  readonly object: string;
  readonly expected: string;
  readonly found: string;

  constructor(details: CheckErrorDetails, options?: ErrorOptions) {
    super(
      `${details.task}: ${details.object}: expected ${details.expected}, found ${details.found}`,
      options,
    );
    this.task = details.task;
    this.object = details.object;
    this.expected = details.expected;
    this.found = details.found;
  }
}

/** Several required services failed: one error listing each problem on its own line. */
export class RequiredServicesError extends Error {
  override name = 'RequiredServicesError';
  readonly task: string;
  readonly problems: string[];

  constructor(task: string, problems: string[]) {
    super(
      `${task}: ${problems.length} required service(s) failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.task = task;
    this.problems = problems;
  }
}
