// gt4's mutations: the database refuses logins; the engine refuses to create indices.
import { defineMutations } from '../src/drill/mutation.ts';
import { loginsRefused } from '../src/mutations/database-breakages.ts';
import { setClusterReadOnly } from '../src/mutations/index-breakages.ts';

export default defineMutations({
  task: 'gt4',
  mutations: [
    loginsRefused('gt4.postgres-access'),
    {
      id: 'gt4.search-access.engine-read-only',
      breaks: 'gt4.search-access',
      description: 'the engine refuses index creation and writes (cluster.blocks.read_only)',
      at: 'before-action',
      apply: (env) => setClusterReadOnly(env, true),
      undo: (env) => setClusterReadOnly(env, false),
    },
  ],
});
