// junit.xml: one testsuite per task, one testcase per assertion.
import type { AssertionRecord, DrillRunRecord } from './report-record.ts';

export function renderJunitXml({ report, assertions }: DrillRunRecord): string {
  const suites = report.tasks.map((task) => {
    const cases = assertions.filter((assertion) => assertion.taskId === task.id);
    const count = (status: AssertionRecord['status']): number =>
      cases.filter((c) => c.status === status).length;
    const attributes = attrs({
      name: `${task.id} — ${task.label}`,
      tests: cases.length,
      failures: count('failed'),
      skipped: count('skipped'),
      errors: 0,
      time: task.actualSeconds,
    });
    const body = cases.map((assertion) => renderCase(task.id, assertion, task.skipReason));
    return [`  <testsuite ${attributes}>`, ...body, '  </testsuite>'].join('\n');
  });
  const failures = assertions.filter((assertion) => assertion.status === 'failed').length;
  const root = attrs({ name: report.runId, tests: assertions.length, failures, time: report.totalSeconds });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${root}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function renderCase(taskId: string, assertion: AssertionRecord, skipReason: string | undefined): string {
  const open = `    <testcase ${attrs({ classname: taskId, name: assertion.name, time: Math.round(assertion.seconds * 1000) / 1000 })}`;
  if (assertion.status === 'failed') {
    const failures = assertion.failures.map(
      (f) => `      <failure ${attrs({ message: firstLine(f.message) })}>${escape(f.message)}</failure>`,
    );
    return [`${open}>`, ...failures, '    </testcase>'].join('\n');
  }
  if (assertion.status === 'skipped') {
    const message = skipReason ?? assertion.skipNote;
    return `${open}>\n      <skipped${message === undefined ? '' : ` ${attrs({ message })}`}/>\n    </testcase>`;
  }
  return `${open}/>`;
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}="${escape(String(value))}"`)
    .join(' ');
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

function escape(text: string): string {
  return (
    text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      // Control characters are not allowed in XML 1.0.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}
