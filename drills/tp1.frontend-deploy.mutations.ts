// tp1's mutations, on the production indices tt5 left (put back before each): aliases moved to
// empty indices, a source's documents deleted, a field of the article page removed; the site
// answering 500; a frontend tag the repository does not have.
import { defineMutations } from '../src/drill/mutation.ts';
import { loadChecksConfig } from '../src/config/index.ts';
import { aliasName, EXPORT_PREFIXES } from '../src/export/index.ts';
import {
  deleteDocuments,
  moveAliasToEmptyIndex,
  rewriteDocuments,
} from '../src/mutations/index-breakages.ts';
import { answering500 } from '../src/mutations/service-breakages.ts';

const PROD = EXPORT_PREFIXES.production;
const DOCUMENTS = aliasName(PROD, 'documents');

export default defineMutations({
  task: 'tp1',
  mutations: [
    {
      id: 'tp1.presearch.documents-alias-emptied',
      breaks: 'tp1.presearch',
      description: `${DOCUMENTS} moved to an empty index`,
      at: 'before-action',
      apply: (env) => moveAliasToEmptyIndex(env, PROD, 'documents'),
    },
    {
      id: 'tp1.suggest.suggestions-alias-emptied',
      breaks: 'tp1.suggest',
      description: `${aliasName(PROD, 'suggestions')} moved to an empty index`,
      at: 'before-action',
      apply: (env) => moveAliasToEmptyIndex(env, PROD, 'suggestions'),
    },
    {
      id: 'tp1.idcc.conventions-deleted',
      breaks: 'tp1.idcc',
      description: `the conventions_collectives documents deleted from ${DOCUMENTS}`,
      at: 'before-action',
      apply: (env) => deleteDocuments(env, DOCUMENTS, { term: { source: 'conventions_collectives' } }),
    },
    {
      id: 'tp1.article.cdtn-id-removed',
      breaks: 'tp1.article',
      description: `the cdtnId the article page links with removed from its document in ${DOCUMENTS}`,
      at: 'before-action',
      apply: (env) =>
        rewriteDocuments(
          env,
          DOCUMENTS,
          { term: { slug: loadChecksConfig().frontend.articleSlug } },
          (source) => Object.fromEntries(Object.entries(source).filter(([field]) => field !== 'cdtnId')),
        ),
    },
    {
      id: 'tp1.health-commit.missing-tag',
      breaks: 'tp1.health-commit',
      description: 'the frontend tag to deploy (DRILL_FRONTEND_TAG) is one the repository does not have',
      at: 'before-action',
      env: () => ({ DRILL_FRONTEND_TAG: 'v0.0.0-never-released' }),
    },
    answering500('tp1.smoke', 'site', 'DRILL_FRONTEND_URL'),
  ],
});
