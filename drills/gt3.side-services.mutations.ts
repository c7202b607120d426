// gt3's mutation: a required side service answering 500.
import { defineMutations } from '../src/drill/mutation.ts';

export default defineMutations({
  task: 'gt3',
  mutations: [
    {
      id: 'gt3.required-services.enterprise-api-500',
      breaks: 'gt3.required-services',
      description: 'recherche-entreprises (required) answers 500',
      at: 'before-action',
      env: (faultyUrl) => ({ DRILL_ENTERPRISE_API_URL: `${faultyUrl}/api/search` }),
    },
  ],
});
