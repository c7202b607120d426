// Writes a run's report files to `<reportsDir>/<runId>/`, then copies that folder to `latest/`.
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LATEST_DIR = 'latest';

/** Returns the run's folder. */
export async function writeReportFiles(
  reportsDir: string,
  runId: string,
  files: Record<string, string>,
): Promise<string> {
  const runDir = join(reportsDir, runId);
  await mkdir(runDir, { recursive: true });
  await Promise.all(Object.entries(files).map(([name, content]) => writeFile(join(runDir, name), content)));
  const latest = join(reportsDir, LATEST_DIR);
  // A copy rather than a link: CI artefact uploaders and Windows checkouts do not follow links.
  await rm(latest, { recursive: true, force: true });
  await cp(runDir, latest, { recursive: true });
  return runDir;
}
