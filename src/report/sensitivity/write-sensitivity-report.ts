// Writes sensitivity.json into the run's folder and into latest/, and its section into
// latest/index.html (the latest drill report's page; a page of its own when there is none yet).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LATEST_DIR } from '../write-report.ts';
import type { SensitivityReport } from './build-sensitivity-report.ts';
import { renderSensitivitySection, withSensitivitySection } from './render-sensitivity-html.ts';

export const SENSITIVITY_FILE = 'sensitivity.json';

export async function writeSensitivityReport(reportsDir: string, report: SensitivityReport): Promise<string> {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const latest = join(reportsDir, LATEST_DIR);
  for (const dir of [join(reportsDir, report.runId), latest]) {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, SENSITIVITY_FILE), json);
  }
  const page = join(latest, 'index.html');
  const html = await readFile(page, 'utf8').catch(
    () =>
      '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Sensitivity</title></head><body>\n</body></html>\n',
  );
  await writeFile(page, withSensitivitySection(html, renderSensitivitySection(report)));
  return join(latest, SENSITIVITY_FILE);
}
