// The rehearsal's export Deployment: the project's reference export service on PORT (host network),
// exporting from DATABASE_URL into ELASTICSEARCH_URL, its post-steps to the BUCKET_* bucket with the
// sitemap of SITEMAP_ENDPOINT (export-elasticsearch's names); /healthz is the pod's readiness probe.
import pg from 'pg';
import { startExportService } from '../../export/index.ts';
import { createSearchEngine } from '../../search/index.ts';
import { requireEnv } from './require-env.ts';

const pool = new pg.Pool({ connectionString: requireEnv('DATABASE_URL'), max: 4 });
const search = await createSearchEngine({ url: requireEnv('ELASTICSEARCH_URL') });
const service = await startExportService({
  pool,
  search,
  host: '127.0.0.1',
  port: Number(requireEnv('PORT')),
  postSteps: {
    bucket: {
      endpoint: requireEnv('BUCKET_ENDPOINT'),
      region: requireEnv('BUCKET_REGION'),
      name: requireEnv('BUCKET_NAME'),
      accessKeyId: requireEnv('BUCKET_ACCESS_KEY'),
      secretAccessKey: requireEnv('BUCKET_SECRET_KEY'),
    },
    sitemapEndpoint: requireEnv('SITEMAP_ENDPOINT'),
  },
});
console.log(`export service listening on ${service.url}`);
process.once('SIGTERM', () => {
  void service
    .close()
    .then(() => Promise.all([pool.end(), search.close()]))
    .then(() => process.exit(0));
});
