// tt1's mutations: the database refuses logins; the engine red; the export service answering 500.
import { defineMutations } from '../src/drill/mutation.ts';
import { allowConnections, refuseConnections } from '../src/mutations/database-breakages.ts';
import { createUnassignableIndex, deleteIndex } from '../src/mutations/index-breakages.ts';

const RED_INDEX = 'sensitivity-unassignable';

export default defineMutations({
  task: 'tt1',
  mutations: [
    {
      id: 'tt1.postgres.logins-refused',
      breaks: 'tt1.postgres',
      description: 'the database refuses every login (ALLOW_CONNECTIONS false)',
      at: 'before-action',
      apply: refuseConnections,
      undo: allowConnections,
    },
    {
      id: 'tt1.search-health.red',
      breaks: 'tt1.search-health',
      description: 'an index whose primary shard no node may hold: the cluster is red',
      at: 'before-action',
      apply: (env) => createUnassignableIndex(env, RED_INDEX),
      undo: (env) => deleteIndex(env, RED_INDEX),
    },
    {
      id: 'tt1.export-health.export-500',
      breaks: 'tt1.export-health',
      description: 'the export service answers 500',
      at: 'before-action',
      env: (faultyUrl) => ({ DRILL_EXPORT_URL: faultyUrl }),
    },
  ],
});
