// reports/history.jsonl: one JSON line per run, appended at the end of the run, read oldest first.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryEntry } from './history-entry.ts';

export const HISTORY_FILE = 'history.jsonl';

export function historyPath(reportsDir: string): string {
  return join(reportsDir, HISTORY_FILE);
}

export async function appendHistory(reportsDir: string, entry: HistoryEntry): Promise<void> {
  await mkdir(reportsDir, { recursive: true });
  await appendFile(historyPath(reportsDir), `${JSON.stringify(entry)}\n`);
}

/** Every run recorded so far, oldest first; none when the file does not exist yet. */
export async function readHistory(reportsDir: string): Promise<HistoryEntry[]> {
  const path = historyPath(reportsDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`cannot read the run history ${path}`, { cause: error });
  }
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => parseEntry(line, `${path}:${number}`));
}

function parseEntry(line: string, where: string): HistoryEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`${where}: expected one JSON run per line, found ${JSON.stringify(line.slice(0, 40))}`, {
      cause: error,
    });
  }
  const entry = value as Partial<HistoryEntry>;
  if (
    typeof entry.runId !== 'string' ||
    typeof entry.totalSeconds !== 'number' ||
    !Array.isArray(entry.tasks)
  )
    throw new Error(
      `${where}: expected a run with runId, totalSeconds and tasks, found ${line.slice(0, 80)}`,
    );
  return entry as HistoryEntry;
}
