// The export's post-steps as export-elasticsearch runs them (src/services/export.ts, s3.ts): the
// sitemap from the site's endpoint and agreements/index.json uploaded to the environment's folder
// of the public bucket (a real S3-compatible server, versitygw), the default folder promoted one
// stage, and only then `completed`; a failing post-step marks the export failed, aliases moved.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPublishedObjects,
  createBucketClient,
  exportToSearch,
  getLatestExports,
  readAliasTargets,
  type PostStepsConfig,
} from '../../src/export/index.ts';
import { startS3Server, type S3Server } from '../../src/ephemeral/start-s3-server.ts';
import { startSitemapEndpoint, type SitemapEndpoint } from '../../src/ephemeral/sitemap-endpoint.ts';
import type { SearchEngine } from '../../src/search/index.ts';
import { startTestSearchEngine, type TestSearchEngine } from '../search/index.ts';
import { DRILL_ADMIN_ID, startExportFixture, type ExportFixture } from './export-fixture.ts';

let fixture: ExportFixture;
let engine: TestSearchEngine;
let search: SearchEngine;
let s3: S3Server;
let sitemap: SitemapEndpoint;
// upstream's deleteOldIndex reads `<word>-<digits>` in names: no digit after the dash
const prefix = `cdtn-test-x${randomUUID().slice(0, 8)}`;
const postSteps = (): PostStepsConfig => ({ bucket: s3.bucket, sitemapEndpoint: sitemap.url });
const read = (key: string) => fetch(`${s3.publicUrl}/${key}`);

/** The sitemap stand-in behind a proxy that notes the export's status when the sitemap is fetched. */
async function startWatchingSitemap(): Promise<{ url: string; statuses: string[]; close(): void }> {
  const statuses: string[] = [];
  const server = createServer((_request, response) => {
    void (async () => {
      const { rows } = await fixture.pool.query<{ status: string }>(
        'SELECT status FROM public.export_es_status ORDER BY created_at DESC LIMIT 1',
      );
      statuses.push(rows[0]!.status);
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(await (await fetch(sitemap.url)).text());
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/sitemap`, statuses, close: () => server.close() };
}

beforeAll(async () => {
  [fixture, engine, s3, sitemap] = await Promise.all([
    startExportFixture(),
    startTestSearchEngine(),
    startS3Server(),
    startSitemapEndpoint(),
  ]);
  search = engine.engine;
  await fixture.pool.query(`
    INSERT INTO agreement.agreements (id, name, kali_id, is_supported, root_text, short_name, legifrance_url, worker_number, publication_date)
    VALUES ('2941', 'Aide à domicile', 'KALICONT000044594539', true, 'KALITEXT000044594562', 'BAD', 'https://www.legifrance.gouv.fr/conv_coll/id/KALICONT000044594539', 203690, '2021-05-21'),
           ('1596', 'Bâtiment ouvriers', 'KALICONT000005635221', true, null, 'Bâtiment', null, null, null),
           ('0016', 'Transports routiers', 'KALICONT000005635624', false, null, null, null, null, null),
           ('0000', 'Sans convention', null, true, null, null, null, null, null)`);
}, 300_000);

afterAll(async () => {
  for (const index of await search.listIndices(`${prefix}_*`)) await search.deleteIndex(index);
  await Promise.allSettled([sitemap?.close(), s3?.stop(), engine?.[Symbol.asyncDispose]()]);
  await fixture?.[Symbol.asyncDispose]();
});

describe('the post-steps of an export', () => {
  it('upload the sitemap and the supported agreements to the environment folder, before completed', async () => {
    const client = createBucketClient(s3.bucket);
    await client.send(
      new PutObjectCommand({ Bucket: s3.bucket.name, Key: 'draft/default/guide.pdf', Body: 'pdf' }),
    );
    await client.send(
      new PutObjectCommand({ Bucket: s3.bucket.name, Key: 'preview/default/old.pdf', Body: 'old' }),
    );
    client.destroy();

    const watching = await startWatchingSitemap();
    const result = await exportToSearch(
      { pool: fixture.pool, search, postSteps: { ...postSteps(), sitemapEndpoint: watching.url } },
      { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
    ).finally(() => watching.close());
    expect(watching.statuses).toEqual(['running']);
    expect(result.uploaded).toEqual(['preview/sitemap/sitemap.xml', 'preview/agreements/index.json']);

    const xml = await read('preview/sitemap/sitemap.xml');
    expect(xml.headers.get('content-type')).toBe('text/xml');
    expect(await xml.text()).toBe(await (await fetch(sitemap.url)).text());
    const agreements = await read('preview/agreements/index.json');
    expect(agreements.headers.get('content-type')).toBe('application/json');
    expect(await agreements.json()).toEqual([
      {
        id: 'KALICONT000005635221',
        url: null,
        title: 'Bâtiment ouvriers',
        date_publi: null,
        texte_de_base: null,
        shortTitle: 'Bâtiment',
        effectif: null,
        fetchArticles: true,
        num: '1596',
      },
      {
        id: 'KALICONT000044594539',
        url: 'https://www.legifrance.gouv.fr/conv_coll/id/KALICONT000044594539',
        title: 'Aide à domicile',
        date_publi: '2021-05-21',
        texte_de_base: 'KALITEXT000044594562',
        shortTitle: 'BAD',
        effectif: 203690,
        fetchArticles: true,
        num: '2941',
      },
    ]);
    expect((await read('published/agreements/index.json')).status).toBe(404);
    expect(await (await read('preview/default/guide.pdf')).text()).toBe('pdf');
    expect((await read('preview/default/old.pdf')).status).toBe(404);

    const row = (await getLatestExports(fixture.pool)).preproduction!;
    expect(row.status).toBe('completed');
    const uploadedAt = new Date(agreements.headers.get('last-modified')!).getTime();
    // Last-Modified has one-second precision: completed is written within that second or after.
    expect(new Date(row.updatedAt).getTime()).toBeGreaterThanOrEqual(uploadedAt);
  });

  it('marks the export failed, naming the endpoint, when the sitemap cannot be fetched; the aliases have moved', async () => {
    const result = exportToSearch(
      {
        pool: fixture.pool,
        search,
        postSteps: { ...postSteps(), sitemapEndpoint: `${sitemap.url}-missing` },
      },
      { environment: 'production', userId: DRILL_ADMIN_ID, prefix: `${prefix}-prod` },
    );
    await expect(result).rejects.toThrow(
      `GET ${sitemap.url}-missing: expected HTTP 200 with a sitemap, found HTTP 404 (0 bytes)`,
    );
    const row = (await getLatestExports(fixture.pool)).production!;
    expect(row.status).toBe('failed');
    expect(row.error).toContain(`${sitemap.url}-missing`);
    const targets = await readAliasTargets(search, `${prefix}-prod`);
    expect(targets.documents).toHaveLength(1);
    expect((await read('published/agreements/index.json')).status).toBe(404);
  });

  it("tt4/tt5's check reads the objects as anyone does and fails on missing or older ones", async () => {
    const context = {
      task: 'tt4',
      pool: fixture.pool,
      publicBucketUrl: s3.publicUrl,
      environment: 'preproduction' as const,
    };
    const row = (await getLatestExports(fixture.pool)).preproduction!;
    expect(await checkPublishedObjects(context, row, true)).toEqual({ agreements: 2 });
    const later = {
      ...row,
      createdAt: new Date(Date.now() + 60_000).toISOString(),
      updatedAt: new Date(Date.now() + 120_000).toISOString(),
    };
    await expect(checkPublishedObjects(context, later, true)).rejects.toThrow(
      /preview\/sitemap\/sitemap.xml: last modified .*, not between the export's start/,
    );
    await expect(
      checkPublishedObjects({ ...context, environment: 'production' }, row, false),
    ).rejects.toThrow(
      /published\/sitemap\/sitemap.xml: HTTP 404; .*published\/agreements\/index.json: HTTP 404/,
    );
    await fixture.pool.query(`UPDATE agreement.agreements SET is_supported = true WHERE id = '0016'`);
    await expect(checkPublishedObjects(context, row, true)).rejects.toThrow(
      'preview/agreements/index.json: IDCCs 1596, 2941, supported agreements 0016, 1596, 2941',
    );
    await fixture.pool.query(`UPDATE agreement.agreements SET is_supported = false WHERE id = '0016'`);
  });
});
