// Each task's assertions (with their failures), warnings, measures and skip reason.
import type { AssertionRecord, TaskRecord } from '../report-record.ts';
import { formatDuration } from '../history/index.ts';
import { escapeHtml } from './escape-html.ts';

const MARK: Record<AssertionRecord['status'], string> = { passed: '✓', failed: '✗', skipped: '–' };

export function renderTaskDetails(task: TaskRecord, assertions: readonly AssertionRecord[]): string {
  const own = assertions.filter((assertion) => assertion.taskId === task.id);
  const actual = task.status === 'skipped' ? 'not run' : formatDuration(task.actualSeconds);
  const items = own.map(
    (assertion) =>
      `<li class="assertion ${assertion.status}">${MARK[assertion.status]} ${escapeHtml(assertion.name)}${assertion.failures
        .map((failure) => `<pre class="failure">${escapeHtml(failure.message)}</pre>`)
        .join('')}</li>`,
  );
  // Failures outside the assertions (a file that did not load, a hook): in the task's failures only.
  const quoted = new Set(own.flatMap((assertion) => assertion.failures.map((failure) => failure.message)));
  const other = task.failures.filter(
    (failure) => ![...quoted].some((message) => failure.message.endsWith(message)),
  );
  return [
    `<div class="task-detail ${task.status}" id="task-${escapeHtml(task.id)}">`,
    `<h3>${escapeHtml(`${task.id} — ${task.label}`)}: <span class="status">${escapeHtml(task.status)}</span></h3>`,
    `<p class="meta">Estimate ${escapeHtml(formatDuration(task.estimateSeconds))}, actual ${escapeHtml(actual)}, ${task.assertions} assertion(s)${
      task.skipReason === undefined ? '' : `; skipped: ${escapeHtml(task.skipReason)}`
    }</p>`,
    items.length === 0 ? '' : `<ul class="assertions">${items.join('')}</ul>`,
    ...other.map((failure) => `<pre class="failure">${escapeHtml(failure.message)}</pre>`),
    task.warnings.length === 0
      ? ''
      : `<ul class="warnings">${task.warnings.map((w) => `<li class="warning">⚠ ${escapeHtml(w)}</li>`).join('')}</ul>`,
    task.measures.length === 0
      ? ''
      : `<p class="measures">${task.measures
          .map((m) => escapeHtml(`${m.name} = ${m.value} ${m.unit}`))
          .join(' · ')}</p>`,
    '</div>',
  ].join('\n');
}
