// tt2's mutations, applied between the restore and its checks: rows lost or altered in the
// restored database, a table dropped, a duplicated document.
import { defineMutations } from '../src/drill/mutation.ts';
import { duplicateDocument, sqlMutation } from '../src/mutations/database-breakages.ts';

const restoredSql = (id: string, breaks: string, description: string, sql: string) =>
  sqlMutation({ id, breaks, description, at: 'after-action' }, sql);

export default defineMutations({
  task: 'tt2',
  mutations: [
    restoredSql(
      'tt2.totals.row-deleted',
      'tt2.totals',
      "kali-data's row of public.package_version deleted after the restore",
      "DELETE FROM public.package_version WHERE repository = '@socialgouv/kali-data'",
    ),
    restoredSql(
      'tt2.document-counts.unpublished',
      'tt2.document-counts',
      'the contributions unpublished after the restore',
      "UPDATE public.documents SET is_published = false WHERE source = 'contributions'",
    ),
    restoredSql(
      'tt2.document-samples.slugs-altered',
      'tt2.document-samples',
      'the slugs of every code_du_travail document altered after the restore',
      "UPDATE public.documents SET slug = 'altered-' || slug WHERE source = 'code_du_travail'",
    ),
    restoredSql(
      'tt2.live-tables.table-dropped',
      'tt2.live-tables',
      'table public.package_version dropped after the restore',
      'DROP TABLE public.package_version',
    ),
    restoredSql(
      'tt2.live-sources.source-withdrawn',
      'tt2.live-sources',
      'every code_du_travail document made unavailable after the restore',
      "UPDATE public.documents SET is_available = false WHERE source = 'code_du_travail'",
    ),
    {
      id: 'tt2.no-duplicates.document-copied',
      breaks: 'tt2.no-duplicates',
      description: 'one document copied under another cdtn_id after the restore',
      at: 'after-action',
      apply: (env) => duplicateDocument(env),
    },
  ],
});
