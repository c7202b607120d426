// tt5's mutations: those of any export (src/mutations/export-mutations.ts), on the production;
// and the preproduction alias moved while the production export runs.
import { defineMutations } from '../src/drill/mutation.ts';
import { EXPORT_PREFIXES } from '../src/export/index.ts';
import { exportMutations } from '../src/mutations/export-mutations.ts';
import { moveAliasToEmptyIndex } from '../src/mutations/index-breakages.ts';

export default defineMutations({
  task: 'tt5',
  mutations: [
    ...exportMutations('production'),
    {
      id: 'tt5.preprod-untouched.preprod-alias-moved',
      breaks: 'tt5.preprod-untouched',
      description: 'the preproduction suggestions alias moved to another index during the production export',
      at: 'after-action',
      apply: (env) => moveAliasToEmptyIndex(env, EXPORT_PREFIXES.preproduction, 'suggestions'),
    },
  ],
});
