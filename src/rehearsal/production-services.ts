// What a production-like cluster run reaches besides the cluster, all on 127.0.0.1: the npm registry
// serving the data packages (their versions came out the day before: last night's ingestion took
// them), the outside world's recordings, the public bucket (a local S3-compatible server) and the
// sitemap endpoint the export's post-steps use, and the data (production-data.ts). stop() stops
// them all.
import type { PostStepsConfig } from '../export/index.ts';
import { startSitemapEndpoint } from '../ephemeral/sitemap-endpoint.ts';
import { startS3Server } from '../ephemeral/start-s3-server.ts';
import { startProductionData, type ProductionData, type StartedSearchEngine } from './production-data.ts';
import { startRecordedWorld, type RecordedWorld } from './recorded-world.ts';
import { startRegistryServer } from './registry-server.ts';
import { startAll, type Stoppable } from './start-all.ts';

const PUBLISHED_HOURS_AGO = 30;

export interface ProductionServicesOptions {
  /** The version each data package's `latest` answers. */
  latest: Record<string, string>;
  startSearchEngine: () => Promise<StartedSearchEngine>;
  log: (line: string) => void;
}

export interface ProductionServices extends Stoppable {
  registryUrl: string;
  world: RecordedWorld;
  data: ProductionData;
  /** Where exports upload their post-steps, and where anyone reads them (DRILL_PUBLIC_BUCKET_URL). */
  postSteps: PostStepsConfig;
  publicBucketUrl: string;
}

export function startProductionServices(options: ProductionServicesOptions): Promise<ProductionServices> {
  return startAll(async (onStop) => {
    const registry = await startRegistryServer(options.latest, PUBLISHED_HOURS_AGO);
    onStop(() => registry.close());
    const world = await startRecordedWorld();
    onStop(() => world.close());
    const bucket = await startS3Server();
    onStop(() => bucket.stop());
    const sitemap = await startSitemapEndpoint();
    onStop(() => sitemap.close());
    const postSteps = { bucket: bucket.bucket, sitemapEndpoint: sitemap.url };
    const data = await startProductionData({ ...options, registryUrl: registry.url, postSteps });
    onStop(() => data.stop());
    return { registryUrl: registry.url, world, data, postSteps, publicBucketUrl: bucket.publicUrl };
  });
}
