// The text `cdtn-drill history` prints: one line per run, newest first.
import { formatSeconds } from '../../runbook/index.ts';
import type { HistoryEntry } from './history-entry.ts';

/** How many of a run's slowest tasks a line names. */
const SLOWEST = 3;

export function formatHistory(entries: readonly HistoryEntry[]): string {
  if (entries.length === 0) return 'no run recorded yet\n';
  return `${entries.map(formatEntry).join('\n')}\n`;
}

function formatEntry(entry: HistoryEntry): string {
  const slowest = [...entry.tasks]
    .filter((task) => task.status !== 'skipped')
    .sort((a, b) => b.actualSeconds - a.actualSeconds)
    .slice(0, SLOWEST)
    .map((task) => `${task.id} ${formatDuration(task.actualSeconds)}`);
  return [
    entry.startedAt,
    entry.runId,
    entry.verdict.padEnd(11),
    `${formatDuration(entry.totalSeconds)} of ${formatSeconds(entry.budgetSeconds)}`,
    `slowest: ${slowest.length === 0 ? 'none ran' : slowest.join(', ')}`,
  ].join('  ');
}

/** Under a minute a duration keeps a decimal: fixture and check tasks take seconds. */
export function formatDuration(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)} s` : formatSeconds(seconds);
}
