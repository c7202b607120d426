// The forecast for production and the findings on the runbook (src/report/forecast-tables.ts).
import { findingsTable, forecastSummary, forecastTable, type TextTable } from '../forecast-tables.ts';
import type { DrillReport } from '../report-record.ts';
import { escapeHtml } from './escape-html.ts';

export function renderForecastSection(report: DrillReport): string {
  return [
    '<section class="forecast"><h2>Forecast for production</h2>',
    `<p class="model">${escapeHtml(report.forecast.model)}</p>`,
    htmlTable(forecastTable(report), 'forecast-table'),
    `<ul>${forecastSummary(report)
      .map((line) => `<li>${escapeHtml(line)}</li>`)
      .join('')}</ul>`,
    '</section>',
    '<section class="findings"><h2>Findings on the runbook</h2>',
    htmlTable(findingsTable(report), 'findings-table'),
    '</section>',
  ].join('\n');
}

function htmlTable({ head, rows }: TextTable, className: string): string {
  const cells = (tag: string, values: readonly string[]) =>
    values.map((value) => `<${tag}>${escapeHtml(value)}</${tag}>`).join('');
  return [
    `<table class="${className}"><thead><tr>${cells('th', head)}</tr></thead><tbody>`,
    ...rows.map((row) => `<tr>${cells('td', row)}</tr>`),
    '</tbody></table>',
  ].join('');
}
