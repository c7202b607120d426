export { toHistoryEntry, type HistoryEntry, type HistoryTask } from './history-entry.ts';
export { appendHistory, readHistory, historyPath, HISTORY_FILE } from './history-file.ts';
export { taskTrends, SLOW_FACTOR, type TaskTrend } from './task-trends.ts';
export { formatHistory, formatDuration } from './format-history.ts';
