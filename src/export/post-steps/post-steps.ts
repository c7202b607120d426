// What export-elasticsearch does after the indices and before it writes `completed`
// (src/services/export.ts `runExport`): the sitemap fetched from the site's endpoint and uploaded,
// the supported agreements uploaded as agreements/index.json, then the default folder promoted one
// stage (src/services/{sitemap,agreements,copy}.ts). A failure here marks the export `failed`
// although its aliases have already moved: upstream's order, reproduced.
import type pg from 'pg';
import type { ExportEnvironment } from '../export-environment.ts';
import {
  createBucketClient,
  environmentFolder,
  promoteDefaultFolder,
  putPublicObject,
  type BucketConfig,
} from './bucket.ts';
import { readSupportedAgreements } from './supported-agreements.ts';

/** SITEMAP_* and AGREEMENTS_* of upstream's config map: where each upload goes in its folder. */
export const POST_STEP_KEYS = { sitemap: 'sitemap/sitemap.xml', agreements: 'agreements/index.json' };

export interface PostStepsConfig {
  bucket: BucketConfig;
  /** SITEMAP_ENDPOINT (the site's /api/sitemap upstream). */
  sitemapEndpoint: string;
}

export interface PostStepsResult {
  /** Object keys written, in order. */
  uploaded: string[];
  promoted: { copied: string[]; deleted: string[] };
}

async function fetchSitemap(endpoint: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(endpoint, { signal });
  const body = await response.text();
  // upstream: a status other than 200, or an empty body, fails the export
  if (response.status !== 200 || body.length === 0)
    throw new Error(
      `GET ${endpoint}: expected HTTP 200 with a sitemap, found HTTP ${response.status} (${body.length} bytes)`,
    );
  return body;
}

export async function runPostSteps(
  pool: pg.Pool,
  config: PostStepsConfig,
  environment: ExportEnvironment,
  signal?: AbortSignal,
): Promise<PostStepsResult> {
  const client = createBucketClient(config.bucket);
  const folder = environmentFolder(environment);
  const bucket = config.bucket.name;
  try {
    const sitemap = `${folder}/${POST_STEP_KEYS.sitemap}`;
    const xml = await fetchSitemap(config.sitemapEndpoint, signal);
    await putPublicObject(client, bucket, { key: sitemap, body: xml, contentType: 'text/xml' });
    const agreements = `${folder}/${POST_STEP_KEYS.agreements}`;
    const list = JSON.stringify(await readSupportedAgreements(pool));
    await putPublicObject(client, bucket, { key: agreements, body: list, contentType: 'application/json' });
    const promoted = await promoteDefaultFolder(client, bucket, environment);
    return { uploaded: [sitemap, agreements], promoted };
  } finally {
    client.destroy();
  }
}
