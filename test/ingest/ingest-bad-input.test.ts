// Bad input from the registry, each through msw: the failing package is reported with its URL and
// the database keeps that package's previous documents and version.
import { delay, http, HttpResponse } from 'msw';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  fingerprintSources,
  getPackageVersions,
  IngestError,
  ingestPackages,
  type RegistryOptions,
} from '../../src/ingest/index.ts';
import { NEWER, OLDER } from './fake-registry-server.ts';
import { FICHES, handmadeFiche, serveHandmadeFiches } from './handmade-fiches.ts';
import { useIngestTestWorld } from './ingest-test-world.ts';

const SOURCE = 'page_fiche_ministere_travail';
const FAST: RegistryOptions = { retries: 2, backoffMs: 5, timeoutMs: 200 };

const world = useIngestTestWorld();
let pool: pg.Pool;
let before: { fingerprint: string | undefined; versions: Record<string, string> };

const latestUrl = () => `${world.registry.registryUrl}/${FICHES}/latest`;
const tarballRoute = () => `${world.registry.registryUrl}/${FICHES}/-/:file`;
const ingestFiches = (registryOptions: RegistryOptions = FAST) =>
  ingestPackages(pool, {
    packages: [FICHES],
    registry: { url: world.registry.registryUrl, ...registryOptions },
  });

async function readManifest(
  version: string,
): Promise<{ version: string; dist: { tarball: string; integrity: string } }> {
  const response = await fetch(`${world.registry.registryUrl}/${FICHES}/${version}`);
  return (await response.json()) as { version: string; dist: { tarball: string; integrity: string } };
}

async function expectDatabaseUnchanged(): Promise<void> {
  expect((await fingerprintSources(pool))[SOURCE]).toBe(before.fingerprint);
  expect(await getPackageVersions(pool)).toEqual(before.versions);
}

beforeEach(async () => {
  world.registry.pinLatest(OLDER);
  pool = await world.database.createDatabase();
  await ingestFiches();
  before = {
    fingerprint: (await fingerprintSources(pool))[SOURCE],
    versions: await getPackageVersions(pool),
  };
  expect(before.versions).toEqual({ [FICHES]: OLDER[FICHES] });
  expect(before.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  world.registry.pinLatest(NEWER);
});

describe('ingester bad input', () => {
  it('retries a registry 5xx a bounded number of times, then fails naming the package and the URL', async () => {
    let attempts = 0;
    world.registry.server.use(
      http.get(latestUrl(), () => (attempts++, new HttpResponse(null, { status: 503 }))),
    );
    const failure = ingestFiches();
    await expect(failure).rejects.toThrow(IngestError);
    await expect(failure).rejects.toThrow(`tt3: ${FICHES}: GET ${latestUrl()} failed 3 times`);
    expect(attempts).toBe(3);
    await expectDatabaseUnchanged();
  });

  it('recovers when the registry answers 5xx fewer times than the retries allow', async () => {
    let attempts = 0;
    world.registry.server.use(
      http.get(latestUrl(), () => (++attempts <= 2 ? new HttpResponse(null, { status: 502 }) : undefined)),
    );
    const [result] = await ingestFiches();
    expect(attempts).toBe(3);
    expect(result?.toVersion).toBe(NEWER[FICHES]);
    expect((await getPackageVersions(pool))[FICHES]).toBe(NEWER[FICHES]);
  });

  it('gives up on a registry that does not answer within the timeout', async () => {
    let attempts = 0;
    world.registry.server.use(
      http.get(latestUrl(), async () => {
        attempts++;
        await delay(2_000);
        return HttpResponse.json({});
      }),
    );
    await expect(ingestFiches({ ...FAST, timeoutMs: 100 })).rejects.toThrow(
      /failed 3 times .*timeout 100 ms/,
    );
    expect(attempts).toBe(3);
    await expectDatabaseUnchanged();
  });

  it('fails on a tarball 404 without retrying, naming the tarball URL', async () => {
    let attempts = 0;
    world.registry.server.use(
      http.get(tarballRoute(), () => (attempts++, new HttpResponse(null, { status: 404 }))),
    );
    const { dist } = await readManifest(NEWER[FICHES]);
    await expect(ingestFiches()).rejects.toThrow(`GET ${dist.tarball} answered 404, expected 200`);
    expect(attempts).toBe(1);
    await expectDatabaseUnchanged();
  });

  it('refuses a tarball whose sha512 is not the registry integrity', async () => {
    const newer = await readManifest(NEWER[FICHES]);
    const older = await readManifest(OLDER[FICHES]);
    world.registry.server.use(
      http.get(latestUrl(), () =>
        HttpResponse.json({ ...newer, dist: { ...newer.dist, integrity: older.dist.integrity } }),
      ),
    );
    await expect(ingestFiches()).rejects.toThrow(
      `integrity mismatch for ${newer.dist.tarball}: expected ${older.dist.integrity}`,
    );
    await expectDatabaseUnchanged();
  });

  it('fails clearly when the registry metadata is not JSON', async () => {
    world.registry.server.use(
      http.get(
        latestUrl(),
        () =>
          new HttpResponse('{"version": "4.1174.0", ', { headers: { 'content-type': 'application/json' } }),
      ),
    );
    await expect(ingestFiches()).rejects.toThrow(`GET ${latestUrl()} did not answer valid JSON`);
    await expectDatabaseUnchanged();
  });

  it('fails clearly when a data file of the package is not JSON', async () => {
    await serveHandmadeFiches(world.registry, '[{"pubId": "article1", ');
    await expect(ingestFiches()).rejects.toThrow(
      `tt3: ${FICHES}: data/fiches-travail.json is not valid JSON`,
    );
    await expectDatabaseUnchanged();
  });

  it('refuses a package that yields two documents with one cdtn_id', async () => {
    const fiches = [handmadeFiche('article1', 'Une fiche'), handmadeFiche('article1', 'La même')];
    await serveHandmadeFiches(world.registry, JSON.stringify(fiches));
    await expect(ingestFiches()).rejects.toThrow(
      `tt3: ${FICHES}: the package yields duplicate documents: article1`,
    );
    await expectDatabaseUnchanged();
  });

  it('does not downgrade when latest is older than the installed version, and says so', async () => {
    await ingestFiches();
    before = {
      fingerprint: (await fingerprintSources(pool))[SOURCE],
      versions: await getPackageVersions(pool),
    };
    world.registry.pinLatest(OLDER);
    const [result] = await ingestFiches();
    expect(result).toMatchObject({
      fromVersion: NEWER[FICHES],
      toVersion: OLDER[FICHES],
      skipped: 'older-than-installed',
      skippedReason: `registry latest ${OLDER[FICHES]} is older than installed ${NEWER[FICHES]}: no downgrade`,
      documentsUpserted: 0,
    });
    await expectDatabaseUnchanged();
  });
});

describe('ingester interrupted', () => {
  it('stops at once when the run is aborted during a download, without retrying, the database as it was', async () => {
    const controller = new AbortController();
    let attempts = 0;
    world.registry.server.use(
      http.get(tarballRoute(), async () => {
        attempts++;
        controller.abort(new Error('drill interrupted by SIGINT'));
        await delay(1_000);
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const run = ingestPackages(pool, {
      packages: [FICHES],
      registry: { url: world.registry.registryUrl, ...FAST },
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow('drill interrupted by SIGINT');
    expect(attempts).toBe(1);
    await expectDatabaseUnchanged();
  });
});
