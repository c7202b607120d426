export { proposeRunbook, type RunbookProposal } from './propose-runbook.ts';
export { unifiedDiff } from './unified-diff.ts';
export { formatFrenchDuration, formatGanttDuration, roundRunbookSeconds } from './runbook-durations.ts';
export { proposeRunbookFile, type RunbookFileProposal } from './propose-runbook-file.ts';
