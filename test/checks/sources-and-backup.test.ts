// gt1/gt2 building blocks against the recorded GitHub, a registry played by msw, and a real dump.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckError,
  checkBackup,
  commitOf,
  latestVersion,
  probeLatestRelease,
  probeLatestVersion,
  probeRepository,
  probeTag,
  readRecordings,
  startOutsideWorld,
  tagOf,
  type OutsideWorld,
} from '../../src/checks/index.ts';
import { loadChecksConfig } from '../../src/config/index.ts';
import { startThrowawayPostgres, withClient, type ThrowawayPostgres } from '../../src/pg/index.ts';

const REGISTRY = 'https://registry.drill.test';
const config = loadChecksConfig({ env: { DRILL_NPM_REGISTRY: REGISTRY, DRILL_PROBE_RETRIES: '0' } });
const recordedJson = (url: string) => readRecordings().find((e) => e.request.url === url)?.response?.json;

describe('GitHub sources (gt1, gt2)', () => {
  let world: OutsideWorld;
  beforeAll(() => {
    world = startOutsideWorld({
      handlers: [
        http.get(`${REGISTRY}/@socialgouv/legi-data/latest`, () =>
          HttpResponse.json({ name: '@socialgouv/legi-data', version: '2.513.0' }),
        ),
      ],
    });
  });
  afterAll(() => world.close());

  it('resolves the latest release of an application repository to the commit of its tag', async () => {
    const repo = config.github.apps.admin.repo;
    const recorded = recordedJson(`https://api.github.com/repos/${repo}/releases/latest`) as {
      tag_name: string;
    };
    expect((await probeRepository(config, repo)).ok).toBe(true);
    const release = await probeLatestRelease(config, repo);
    expect(tagOf(release)).toBe(recorded.tag_name);
    const ref = await probeTag(config, repo, tagOf(release));
    const recordedRef = recordedJson(
      `https://api.github.com/repos/${repo}/git/ref/tags/${recorded.tag_name}`,
    ) as { object: { sha: string } };
    expect(commitOf(ref)).toBe(recordedRef.object.sha);
  });

  it('names the repository, the tag and the URL when the tag to deploy does not exist', async () => {
    const repo = config.github.apps.frontend.repo;
    world.server.use(
      http.get(`https://api.github.com/repos/${repo}/git/ref/tags/v9.9.9`, () =>
        HttpResponse.json({ message: 'Not Found', status: '404' }, { status: 404 }),
      ),
    );
    const ref = await probeTag(config, repo, 'v9.9.9');
    expect(ref).toMatchObject({ ok: false, failure: 'unexpected-status', attempts: 1 });
    expect(ref.problem).toBe(
      `GitHub ${repo} tag v9.9.9: GET https://api.github.com/repos/${repo}/git/ref/tags/v9.9.9: expected HTTP 200, found HTTP 404 Not Found`,
    );
  });

  it('sends the GitHub token but never prints it', async () => {
    let seen: string | null = null;
    const withToken = loadChecksConfig({
      env: { GITHUB_TOKEN: 'ghp_drilltoken123', DRILL_PROBE_RETRIES: '0' },
    });
    world.server.use(
      http.get('https://api.github.com/repos/SocialGouv/legi-data', ({ request }) => {
        seen = request.headers.get('authorization');
        return new HttpResponse('bad credentials', { status: 401 });
      }),
    );
    const result = await probeRepository(withToken, 'SocialGouv/legi-data');
    expect(seen).toBe('Bearer ghp_drilltoken123');
    expect(JSON.stringify(result)).not.toContain('ghp_drilltoken123');
  });

  it('reads the npm latest version the way the ingester asks for it', async () => {
    const result = await probeLatestVersion(config, '@socialgouv/legi-data');
    expect(latestVersion(result)).toBe('2.513.0');
  });
});

describe('backup (gt2)', () => {
  let postgres: ThrowawayPostgres;
  let dir: string;
  let dump: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cdtn-checks-backup-'));
    dump = join(dir, 'cdtn-admin.dump');
    postgres = await startThrowawayPostgres();
    await withClient(postgres.connectionString, (c) =>
      c.query(
        'CREATE TABLE package_version (repository text PRIMARY KEY, version text); INSERT INTO package_version VALUES ($$@socialgouv/legi-data$$, $$2.513.0$$)',
      ),
    );
    await execa('pg_dump', ['-Fc', '-f', dump, postgres.connectionString], { env: { TZ: 'UTC' } });
  });
  afterAll(async () => {
    await postgres?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes a fresh custom-format dump and gives its age', async () => {
    const { info, ageHours } = await checkBackup({ path: dump, maxAgeHours: 24 });
    expect(info.tableDataEntries).toBe(1);
    expect(ageHours).toBeGreaterThanOrEqual(0);
    expect(ageHours).toBeLessThan(1);
  });

  it('fails a dump older than the maximum age, giving its dump time and age', async () => {
    const { info } = await checkBackup({ path: dump, maxAgeHours: 24 });
    const now = new Date(Date.parse(info.dumpedAt) + 25 * 3_600_000);
    await expect(checkBackup({ path: dump, maxAgeHours: 24, now })).rejects.toThrow(
      `gt2: backup ${dump}: expected a dump at most 24 h old (DRILL_MAX_BACKUP_AGE_HOURS), found one dumped at ${info.dumpedAt}, 25.0 h ago`,
    );
  });

  it('fails when no backup is named: there is no default dump', async () => {
    await expect(checkBackup({ maxAgeHours: 24 })).rejects.toThrow(
      'gt2: backup: expected a dump named by DRILL_BACKUP (--backup), found none',
    );
  });

  it('fails a missing backup, naming the path', async () => {
    const missing = join(dir, 'absent.dump');
    await expect(checkBackup({ path: missing, maxAgeHours: 24 })).rejects.toThrow(
      `gt2: backup ${missing}: expected a readable file (DRILL_BACKUP), found no such file`,
    );
  });

  it('fails a file pg_restore cannot list', async () => {
    const garbage = join(dir, 'garbage.dump');
    await writeFile(garbage, 'PGDMP but truncated');
    const error = await checkBackup({ path: garbage, maxAgeHours: 24 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).message).toMatch(
      /^gt2: backup .*garbage\.dump: expected a custom-format dump pg_restore -l can list, found .*pg_restore -l failed/,
    );
  });
});
