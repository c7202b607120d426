// gt3's mutation: a required side service answering 500.
import { defineMutations } from '../src/drill/mutation.ts';
import { answering500 } from '../src/mutations/service-breakages.ts';

export default defineMutations({
  task: 'gt3',
  mutations: [
    answering500('gt3.required-services', 'recherche-entreprises', 'DRILL_ENTERPRISE_API_URL', '/api/search'),
  ],
});
