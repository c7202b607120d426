// What a read-only run must leave as it found it, read through the variables the run was given:
// every table of the live database (row counts and checksums, as a manifest records them), the
// databases on its server (a restore test's scratch database dropped), the export aliases and
// indices of both environments, and the Jobs of the admin namespace.
import { EXPORT_PREFIXES, listExportIndices, readAliasTargets } from '../../../src/export/index.ts';
import { loadKubeClient } from '../../../src/k8s/index.ts';
import { readManifestFacts, withClient } from '../../../src/pg/index.ts';
import { createSearchEngine } from '../../../src/search/index.ts';

export async function snapshotProduction(env: Record<string, string>): Promise<Record<string, unknown>> {
  const database = await withClient(env.DATABASE_URL!, async (client) => ({
    tables: (await readManifestFacts(client)).tables,
    databases: (await client.query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY 1')).rows,
  }));
  const search = await createSearchEngine({ url: env.ELASTICSEARCH_URL! });
  const engine: Record<string, unknown> = {};
  try {
    for (const prefix of Object.values(EXPORT_PREFIXES)) {
      engine[prefix] = {
        aliases: await readAliasTargets(search, prefix),
        indices: await listExportIndices(search, prefix),
      };
    }
  } finally {
    await search.close();
  }
  const kube = loadKubeClient({ kubeconfigPath: env.KUBECONFIG! });
  const { items } = await kube.batch.listNamespacedJob({ namespace: kube.namespace });
  const jobs = items.map((job) => job.metadata?.name).sort();
  return { ...database, engine, jobs };
}
