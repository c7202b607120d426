// gt1's mutations: GitHub answering 500; a tag to deploy that the repository does not have.
import { defineMutations } from '../src/drill/mutation.ts';
import { answering500 } from '../src/mutations/service-breakages.ts';

export default defineMutations({
  task: 'gt1',
  mutations: [
    answering500('gt1.repositories', 'github', 'DRILL_GITHUB_API_URL'),
    {
      id: 'gt1.deploy-tag.missing-tag',
      breaks: 'gt1.deploy-tag',
      description: 'the admin tag to deploy (DRILL_ADMIN_TAG) is one the repository does not have',
      at: 'before-action',
      env: () => ({ DRILL_ADMIN_TAG: 'v0.0.0-never-released' }),
    },
  ],
});
