// tt1's mutations: the database refuses logins; the engine red; the export service answering 500.
import { defineMutations } from '../src/drill/mutation.ts';
import { loginsRefused } from '../src/mutations/database-breakages.ts';
import { createUnassignableIndex, deleteIndex } from '../src/mutations/index-breakages.ts';
import { answering500 } from '../src/mutations/service-breakages.ts';

const RED_INDEX = 'sensitivity-unassignable';

export default defineMutations({
  task: 'tt1',
  mutations: [
    loginsRefused('tt1.postgres'),
    {
      id: 'tt1.search-health.red',
      breaks: 'tt1.search-health',
      description: 'an index whose primary shard no node may hold: the cluster is red',
      at: 'before-action',
      apply: (env) => createUnassignableIndex(env, RED_INDEX),
      undo: (env) => deleteIndex(env, RED_INDEX),
    },
    answering500('tt1.export-health', 'export', 'DRILL_EXPORT_URL'),
  ],
});
