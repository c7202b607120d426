// gt2's mutations: GitHub answering 500; a registry that lost the data packages; a backup older
// than the RPO allows.
import { defineMutations } from '../src/drill/mutation.ts';
import { answering500 } from '../src/mutations/service-breakages.ts';

export default defineMutations({
  task: 'gt2',
  mutations: [
    answering500('gt2.releases', 'github', 'DRILL_GITHUB_API_URL'),
    {
      id: 'gt2.npm-latest.packages-lost',
      breaks: 'gt2.npm-latest',
      description: 'the registry has none of the data packages (its store is empty)',
      at: 'before-action',
      env: () => ({ DRILL_CACHE_DIR: '/nonexistent/sensitivity-empty-registry' }),
    },
    {
      id: 'gt2.backup.too-old',
      breaks: 'gt2.backup',
      description: 'the backup is older than the recovery point objective allows (limit lowered to 1 s)',
      at: 'before-action',
      env: () => ({ DRILL_MAX_BACKUP_AGE_HOURS: String(1 / 3600) }),
    },
  ],
});
