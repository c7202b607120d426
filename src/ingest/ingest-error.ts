// One place to build the ingester's errors: they name the task (tt3), the package, the object
// (URL, file, table) and what was expected vs found; the low-level error stays as `cause`.
import type { IngestResult } from './ingest-result.ts';

export class IngestError extends Error {
  readonly packageName: string;
  /** Packages fully ingested (or skipped) before this failure, when raised by `ingestPackages`. */
  completed: IngestResult[] = [];

  constructor(packageName: string, message: string, options?: { cause?: unknown }) {
    super(`tt3: ${packageName}: ${message}`, options);
    this.name = 'IngestError';
    this.packageName = packageName;
  }
}
