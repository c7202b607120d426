export { renderReportHtml, type ReportHtmlInput } from './render-report-html.ts';
export { escapeHtml } from './escape-html.ts';
