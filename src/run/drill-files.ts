// Drill files are named after their runbook task: `<dir>/<id>.<slug>.drill.ts`.
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

export const DRILL_FILE_SUFFIX = '.drill.ts';

export interface DrillFile {
  taskId: string;
  path: string;
}

/** The task id a drill file names, or undefined when the name does not follow the pattern. */
export function drillFileTaskId(path: string): string | undefined {
  const name = basename(path);
  if (!name.endsWith(DRILL_FILE_SUFFIX)) return undefined;
  const [id] = name.split('.');
  return id === undefined || id === '' ? undefined : id;
}

/** Drill files directly under `dir`, sorted by name. */
export async function listDrillFiles(dir: string): Promise<DrillFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`cannot list the drills directory ${dir}`, { cause: error });
  }
  return (
    names
      .filter((name) => name.endsWith(DRILL_FILE_SUFFIX))
      .sort()
      // A file named without an id (".drill.ts") keeps its name as id: coverage reports it as extra.
      .map((name) => ({ taskId: drillFileTaskId(name) ?? name, path: join(dir, name) }))
  );
}
