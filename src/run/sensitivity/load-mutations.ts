// The mutations declared next to the drills: `<id>.<slug>.mutations.ts` beside `<id>.<slug>.drill.ts`,
// its default export made with defineMutations() for that task.
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DrillMutations } from '../../drill/mutation.ts';
import { DRILL_FILE_SUFFIX } from '../drill-files.ts';

export const MUTATIONS_FILE_SUFFIX = '.mutations.ts';

export interface DeclaredMutations extends DrillMutations {
  /** Absolute path of the module, which the drill's worker imports to apply one of them. */
  module: string;
}

/** Each bound drill file's mutations, by task id; a drill without a mutations file has none. */
export async function loadMutations(
  files: ReadonlyMap<string, string>,
): Promise<Map<string, DeclaredMutations>> {
  const declared = new Map<string, DeclaredMutations>();
  for (const [taskId, drillFile] of files) {
    const module = resolve(drillFile.slice(0, -DRILL_FILE_SUFFIX.length) + MUTATIONS_FILE_SUFFIX);
    const exists = await access(module).then(
      () => true,
      () => false,
    );
    if (!exists) continue;
    const loaded = ((await import(pathToFileURL(module).href)) as { default?: DrillMutations }).default;
    if (loaded?.task !== taskId)
      throw new Error(`${module}: its default export must be defineMutations({ task: '${taskId}', … })`);
    declared.set(taskId, { ...loaded, module });
  }
  return declared;
}
