// tt4's mutations: those of any export (src/mutations/export-mutations.ts), on the preproduction.
import { defineMutations } from '../src/drill/mutation.ts';
import { exportMutations } from '../src/mutations/export-mutations.ts';

export default defineMutations({ task: 'tt4', mutations: exportMutations('preproduction') });
