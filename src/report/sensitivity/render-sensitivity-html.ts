// The sensitivity section of index.html: the headline, then one row per assertion with the
// mutations tried on it and the message each failure gave.
import { escapeHtml } from '../html/escape-html.ts';
import type { AssertionSensitivity, SensitivityReport } from './build-sensitivity-report.ts';

/** Marks the section in index.html, so that the next sensitivity run replaces it. */
export const SECTION_START = '<!-- sensitivity -->';
export const SECTION_END = '<!-- /sensitivity -->';

export function renderSensitivitySection(report: SensitivityReport): string {
  const scope = report.slice ? 'one mutation per drill' : 'the whole matrix';
  return [
    SECTION_START,
    '<section class="sensitivity"><h2>Sensitivity</h2>',
    `<p data-role="sensitivity-headline"><strong>${escapeHtml(report.headline)}</strong> (${scope}, ${report.mutations.length} mutations in ${report.seconds} s, run ${escapeHtml(report.runId)})</p>`,
    ...(report.defects.length === 0
      ? []
      : [
          '<ul class="defects">',
          ...report.defects.map((defect) => `<li>${escapeHtml(defect)}</li>`),
          '</ul>',
        ]),
    '<table><thead><tr><th>assertion</th><th>title</th><th>mutations tried</th></tr></thead><tbody>',
    ...Object.entries(report.assertions).map(([id, assertion]) => renderRow(id, assertion)),
    '</tbody></table>',
    ...(report.notOnThisTarget.length === 0
      ? []
      : [`<p>Not run on this target: ${escapeHtml(report.notOnThisTarget.join(', '))}.</p>`]),
    '</section>',
    SECTION_END,
  ].join('\n');
}

function renderRow(id: string, assertion: AssertionSensitivity): string {
  const tried = assertion.mutations
    .map(
      (tried) =>
        `<li><code>${escapeHtml(tried.mutation)}</code> ${escapeHtml(tried.verdict)}${
          tried.message === undefined ? '' : `: ${escapeHtml(tried.message.split('\n')[0]!.slice(0, 300))}`
        }</li>`,
    )
    .join('');
  const mark = assertion.sensitive ? '✓' : '✗';
  return `<tr><td>${mark} <code>${escapeHtml(id)}</code></td><td>${escapeHtml(assertion.title)}</td><td><ul>${tried}</ul></td></tr>`;
}

/** index.html with this section in place of an earlier one, or added before </body>. */
export function withSensitivitySection(html: string, section: string): string {
  const start = html.indexOf(SECTION_START);
  const end = html.indexOf(SECTION_END);
  if (start >= 0 && end > start) return html.slice(0, start) + section + html.slice(end + SECTION_END.length);
  return html.includes('</body>') ? html.replace('</body>', `${section}\n</body>`) : `${html}${section}\n`;
}
