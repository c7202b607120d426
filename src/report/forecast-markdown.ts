// The forecast and the findings as Markdown: sections of report.md, and the evidence bundle's
// forecast.md for auditors.
import { findingsTable, forecastSummary, forecastTable, type TextTable } from './forecast-tables.ts';
import type { DrillReport } from './report-record.ts';

export function renderForecastMarkdown(report: DrillReport): string[] {
  return [
    '## Forecast for production',
    '',
    report.forecast.model,
    '',
    ...markdownTable(forecastTable(report)),
    '',
    ...forecastSummary(report).map((line) => `- ${line}`),
    '',
    '## Findings on the runbook',
    '',
    ...markdownTable(findingsTable(report)),
    '',
  ];
}

export function markdownTable({ head, rows }: TextTable): string[] {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)];
}
