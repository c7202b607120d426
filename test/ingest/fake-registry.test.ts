import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { http, HttpResponse } from 'msw';
import {
  createRegistryHandlers,
  fetchPublishHistory,
  getCachedVersions,
  getServedLatestVersion,
  loadIngestConfig,
  prepareServedRegistry,
  resolveRegistryOptions,
} from '../../src/ingest/index.ts';
import { NEWER, OLDER, startFakeRegistry, type FakeRegistry } from './fake-registry-server.ts';

const LEGI = '@socialgouv/legi-data';
let registry: FakeRegistry;

beforeAll(async () => {
  registry = await startFakeRegistry({ [LEGI]: OLDER[LEGI] });
});
afterAll(() => registry?.server.close());

describe('fake registry (msw)', () => {
  it('answers /<package>/latest with the pinned version and a tarball URL of the registry shape', async () => {
    const manifest = (await (await fetch(`${registry.registryUrl}/${LEGI}/latest`)).json()) as {
      version: string;
      dist: { tarball: string; integrity: string };
    };
    expect(manifest.version).toBe(OLDER[LEGI]);
    expect(manifest.dist.tarball).toBe(`${registry.registryUrl}/${LEGI}/-/legi-data-${OLDER[LEGI]}.tgz`);
  });

  it('serves the cached tarball whose sha512 is the manifest integrity', async () => {
    const manifest = (await (await fetch(`${registry.registryUrl}/${LEGI}/${NEWER[LEGI]}`)).json()) as {
      dist: { tarball: string; integrity: string };
    };
    const bytes = Buffer.from(await (await fetch(manifest.dist.tarball)).arrayBuffer());
    expect(`sha512-${createHash('sha512').update(bytes).digest('base64')}`).toBe(manifest.dist.integrity);
  });

  it('answers the packument: latest, the cached versions, and the publish times it is given', async () => {
    const published = {
      [OLDER[LEGI]]: new Date('2026-01-05T08:00:00Z'),
      [NEWER[LEGI]]: new Date('2026-11-29T21:00:00Z'),
    };
    const { registryUrl } = registry;
    onTestFinished(() => registry.server.resetHandlers());
    registry.server.use(
      ...createRegistryHandlers({
        registryUrl,
        latest: { [LEGI]: NEWER[LEGI] },
        published: { [LEGI]: published },
      }),
    );
    const history = await fetchPublishHistory(LEGI, await resolveRegistryOptions({ url: registryUrl }));
    expect(history).toEqual({ latest: NEWER[LEGI], published });
    const packument = (await (await fetch(`${registryUrl}/${LEGI}`)).json()) as { versions: object };
    expect(Object.keys(packument.versions)).toEqual(await getCachedVersions(LEGI));
  });

  it('answers 404 for a version it does not have', async () => {
    expect((await fetch(`${registry.registryUrl}/${LEGI}/0.0.1`)).status).toBe(404);
    expect((await fetch(`${registry.registryUrl}/${LEGI}/-/legi-data-0.0.1.tgz`)).status).toBe(404);
  });

  it('serves the highest cached version as latest when none is pinned', async () => {
    registry.pinLatest({});
    const cached = await getCachedVersions(LEGI);
    const manifest = (await (await fetch(`${registry.registryUrl}/${LEGI}/latest`)).json()) as {
      version: string;
    };
    expect(cached).toContain(NEWER[LEGI]);
    expect(manifest.version).toBe(cached.at(-1));
    expect(await getServedLatestVersion(LEGI)).toBe(cached.at(-1));
  });

  it('serves the highest cached version, with a warning, when the real registry cannot say its latest', async () => {
    registry.server.use(
      http.get(`${registry.registryUrl}/:scope/:name/latest`, () => new HttpResponse(null, { status: 503 })),
    );
    const served = await prepareServedRegistry(
      { ...loadIngestConfig(), latest: {} },
      { registry: { url: registry.registryUrl, retries: 0 } },
    );
    expect(served.latest[LEGI]).toBe((await getCachedVersions(LEGI)).at(-1));
    expect(served.warnings).toHaveLength(4);
    expect(served.warnings[0]).toMatch(
      /^tt3: @socialgouv\/legi-data: the registry's latest could not be read \(.*503\); serving /,
    );
  });

  it('fails when a pinned version can be neither found in the cache nor downloaded', async () => {
    await expect(
      prepareServedRegistry(
        { ...loadIngestConfig(), latest: { [LEGI]: '0.0.1' } },
        { registry: { url: registry.registryUrl, retries: 0 } },
      ),
    ).rejects.toThrow(`tt3: ${LEGI}: GET ${registry.registryUrl}/${LEGI}/0.0.1 answered 404, expected 200`);
  });
});
