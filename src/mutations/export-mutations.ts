// The mutations of an export task (tt4: preproduction, tt5: production), the same breakages for
// both: the export service answering 500 or refusing while another export's row is left running,
// and, between the export and its checks, its indices damaged the ways its checks must see.
import type { Mutation } from '../drill/mutation.ts';
import {
  aliasName,
  EXPORT_PREFIXES,
  EXPORT_TASKS,
  type ExportEnvironment,
} from '../export/export-environment.ts';
import { pickKnownDocuments } from '../export/verify/known-documents.ts';
import { readGoldenDocuments } from '../spec/golden-documents.ts';
import { sqlMutation } from './database-breakages.ts';
import { answering500 } from './service-breakages.ts';
import {
  createEmptyIndex,
  deleteDocuments,
  moveAliasToEmptyIndex,
  replaceFrenchAnalysis,
  rewriteDocuments,
} from './index-breakages.ts';

export function exportMutations(environment: ExportEnvironment): Mutation[] {
  const task = EXPORT_TASKS[environment];
  const prefix = EXPORT_PREFIXES[environment];
  const other = environment === 'production' ? 'preproduction' : 'production';
  const documents = aliasName(prefix, 'documents');
  const afterExport = (check: string, what: string, description: string, apply: Mutation['apply']) => ({
    id: `${task}.${check}.${what}`,
    breaks: `${task}.${check}`,
    description,
    at: 'after-action' as const,
    apply,
  });
  return [
    sqlMutation(
      {
        id: `${task}.export.other-export-running`,
        breaks: `${task}.export`,
        description: `a ${other} export's status row left running: the export is refused`,
        at: 'before-action',
      },
      `INSERT INTO public.export_es_status (id, status, user_id, environment)
       SELECT gen_random_uuid(), 'running', id, '${other}' FROM auth.users ORDER BY id LIMIT 1`,
    ),
    answering500(`${task}.health`, 'export', 'DRILL_EXPORT_URL'),
    // The export writes with its own keys; what the drill reads, anonymously, stops serving.
    answering500(`${task}.published-objects`, 'public-bucket', 'DRILL_PUBLIC_BUCKET_URL'),
    afterExport('aliases', 'documents-alias-moved', `${documents} moved to an empty index`, (env) =>
      moveAliasToEmptyIndex(env, prefix, 'documents'),
    ),
    afterExport(
      'source-counts',
      'source-deleted',
      `the fiches_service_public documents deleted from ${documents}`,
      (env) => deleteDocuments(env, documents, { term: { source: 'fiches_service_public' } }),
    ),
    afterExport(
      'retention',
      'old-indices-left',
      `two older ${aliasName(prefix, 'accords')} indices left behind`,
      async (env) => {
        await createEmptyIndex(env, prefix, 'accords', '20000101000000');
        await createEmptyIndex(env, prefix, 'accords', '20000102000000');
      },
    ),
    afterExport(
      'known-documents',
      'titles-altered',
      `the titles of the known documents altered in ${documents}`,
      async (env) => {
        const known = await pickKnownDocuments(env.pg);
        await rewriteDocuments(env, documents, { ids: { values: known.map((d) => d.cdtnId) } }, (source) => ({
          ...source,
          title: `${String(source.title)} (altered)`,
        }));
      },
    ),
    afterExport(
      'golden-documents',
      'slugs-altered',
      `the slugs (the page's URL) of the golden documents altered in ${documents}`,
      (env) =>
        rewriteDocuments(
          env,
          documents,
          { ids: { values: readGoldenDocuments().map((golden) => golden.cdtnId) } },
          (source) => ({ ...source, slug: `${String(source.slug)}-altered` }),
        ),
    ),
    afterExport(
      'suggestions-accords',
      'accords-deleted',
      `every document of ${aliasName(prefix, 'accords')} deleted`,
      (env) => deleteDocuments(env, aliasName(prefix, 'accords'), { match_all: {} }),
    ),
    afterExport(
      'analysis',
      'french-analysis-replaced',
      `the French analyzers of ${documents} redefined as the standard one`,
      (env) => replaceFrenchAnalysis(env, documents),
    ),
  ];
}
