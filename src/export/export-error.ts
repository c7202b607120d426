// One error type for the export phase: the message names the task, the object (index, alias,
// table, URL) and what was expected against what was found; the low-level error stays as `cause`.

export interface ExportErrorDetails {
  /** Runbook task, e.g. `tt4`. */
  task: string;
  /** What the error is about: `index cdtn-prod-v2_documents-1716…`, `alias …`, `table …`, a URL. */
  object: string;
  /** Free text when expected/found do not fit. */
  problem?: string;
  expected?: string;
  found?: string;
  cause?: unknown;
}

export class ExportError extends Error {
  readonly task: string;
  readonly object: string;

  constructor(details: ExportErrorDetails) {
    super(formatExportMessage(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ExportError';
    this.task = details.task;
    this.object = details.object;
  }
}

/** Raised when an export may not start (another one is running): the HTTP API answers 500. */
export class ExportRefusedError extends ExportError {
  constructor(details: ExportErrorDetails) {
    super(details);
    this.name = 'ExportRefusedError';
  }
}

function formatExportMessage({ task, object, problem, expected, found, cause }: ExportErrorDetails): string {
  const parts = [problem, expected === undefined ? undefined : `expected ${expected}`];
  if (found !== undefined) parts.push(`found ${found}`);
  const causeText = cause instanceof Error ? cause.message : cause === undefined ? undefined : String(cause);
  const text = `${task}: ${object}: ${parts.filter(Boolean).join(', ')}`;
  return causeText ? `${text} (${causeText})` : text;
}

/** Raised when the request itself is wrong (unknown user): the HTTP API answers 400. */
export class ExportInputError extends ExportError {
  constructor(details: ExportErrorDetails) {
    super(details);
    this.name = 'ExportInputError';
  }
}
