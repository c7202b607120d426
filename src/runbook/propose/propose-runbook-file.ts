// The proposal for a runbook file: its text, its diff against the file, and the names both take
// beside it (<name>.proposed.md, <name>.proposed.diff).
import { basename } from 'node:path';
import { readRunbook } from '../load-plan.ts';
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
  const markdown = await readRunbook(runbookPath);
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
