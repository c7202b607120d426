// The proposal for a runbook file: its text, its diff against the file, and the names both take
// beside it (<name>.proposed.md, <name>.proposed.diff).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { RunbookError } from '../runbook-error.ts';
import { proposeRunbook, type RunbookProposal } from './propose-runbook.ts';
import { unifiedDiff } from './unified-diff.ts';

export interface RunbookFileProposal extends RunbookProposal {
  /** File names beside the runbook. */
  proposedName: string;
  diffName: string;
  diff: string;
}

export async function proposeRunbookFile(
  runbookPath: string,
  forecastSeconds: ReadonlyMap<string, number>,
): Promise<RunbookFileProposal> {
  let markdown: string;
  try {
    markdown = await readFile(runbookPath, 'utf8');
  } catch (error) {
    throw new RunbookError(runbookPath, undefined, `cannot read the runbook: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const proposal = proposeRunbook(markdown, runbookPath, forecastSeconds);
  const name = basename(runbookPath).replace(/\.md$/, '');
  const [proposedName, diffName] = [`${name}.proposed.md`, `${name}.proposed.diff`];
  return {
    ...proposal,
    proposedName,
    diffName,
    diff: unifiedDiff(markdown, proposal.text, `a/${basename(runbookPath)}`, `b/${proposedName}`),
  };
}
