// Reading the runbook from disk.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plan } from './plan.ts';
import { parseRunbook } from './parse-runbook.ts';
import { RunbookError } from './runbook-error.ts';

/** The team's runbook page in this repository, as an absolute path. */
export const DEFAULT_RUNBOOK_PATH = fileURLToPath(
  new URL('../../fixtures/runbook/plan-de-reprise.md', import.meta.url),
);

/** Read and parse a runbook page. Throws RunbookError, also when the file cannot be read. */
export async function loadPlan(path: string = DEFAULT_RUNBOOK_PATH): Promise<Plan> {
  return parseRunbook(await readRunbook(path), path);
}

/** The runbook page's text; RunbookError when the file cannot be read. */
export async function readRunbook(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new RunbookError(path, undefined, `cannot read the runbook: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
