// Every error of the restore phase is built here, so they read alike:
// "tt2: table documents has 11 538 rows, the manifest says 11 545".
const RESTORE_TASK = 'tt2';

export class RestoreError extends Error {
  override name = 'RestoreError';
  readonly task = RESTORE_TASK;
  readonly stderr: string | undefined;

  constructor(message: string, options: { cause?: unknown; stderr?: string } = {}) {
    super(`${RESTORE_TASK}: ${message}`, { cause: options.cause });
    this.stderr = options.stderr;
  }
}

/** 11538 → "11 538" (the runbook's French grouping). */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** `public.documents` → `documents`; other schemas keep their prefix. */
export function displayTable(qualifiedName: string): string {
  return qualifiedName.startsWith('public.') ? qualifiedName.slice('public.'.length) : qualifiedName;
}

export function rowCountMismatch(
  table: string,
  found: number,
  expected: number,
  expectation = 'the manifest says',
): RestoreError {
  return new RestoreError(
    `table ${displayTable(table)} has ${formatCount(found)} rows, ${expectation} ${formatCount(expected)}`,
  );
}

export function checksumMismatch(table: string, found: string, expected: string): RestoreError {
  return new RestoreError(
    `table ${displayTable(table)} has checksum ${found} over its rows in primary-key order, the manifest says ${expected}`,
  );
}

/** One problem is thrown as it is; several as one error listing them all. */
export function throwIfAny(problems: RestoreError[]): void {
  if (problems.length === 1 && problems[0]) throw problems[0];
  if (problems.length > 1) {
    const lines = problems.map((problem) => problem.message.replace(/^tt2: /, ''));
    throw new RestoreError(`${problems.length} problems:\n  ${lines.join('\n  ')}`, { cause: problems });
  }
}
