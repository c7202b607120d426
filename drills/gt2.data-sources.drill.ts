// gt2 — Vérification des sources de données: the four data repositories answer with a latest
// release, the npm registry (what the ingester really reads) gives each package's latest version,
// and the backup is present, readable and young enough (its age is the RPO).
import { afterAll, beforeAll, expect, it } from 'vitest';
import semver from 'semver';
import {
  checkBackup,
  latestVersion,
  probeLatestRelease,
  probeLatestVersion,
  probeRepository,
  settleProbes,
  startOutsideWorld,
  tagOf,
  type OutsideWorld,
} from '../src/checks/index.ts';
import { loadChecksConfig } from '../src/config/index.ts';
import { assertionId, recordMeasure, task, useRunOptions, warn } from '../src/drill/index.ts';
import { createRegistryHandlers, getNpmRegistryUrl } from '../src/ingest/index.ts';

task('gt2', () => {
  const config = loadChecksConfig();
  const reporter = { warn, recordMeasure };
  const releases = new Map<string, string>();
  let world: OutsideWorld | undefined;
  beforeAll(async () => {
    if (useRunOptions().target !== 'ephemeral') return;
    const registryUrl = config.npm.registryUrl ?? (await getNpmRegistryUrl());
    world = startOutsideWorld({ handlers: createRegistryHandlers({ registryUrl }) });
  });
  afterAll(() => world?.close());

  it('the four data repositories answer with their latest release', assertionId('gt2.releases'), async () => {
    const results = await Promise.all(
      config.github.dataRepos.map(async (repo) => {
        const [repository, release] = await Promise.all([
          probeRepository(config, repo),
          probeLatestRelease(config, repo),
        ]);
        if (release.ok) releases.set(repo.split('/')[1] as string, tagOf(release));
        return [repository, release];
      }),
    );
    settleProbes('gt2', results.flat(), reporter);
    expect(releases.size).toBe(config.github.dataRepos.length);
  });

  it(
    'the npm registry gives the latest version of each data package',
    assertionId('gt2.npm-latest'),
    async () => {
      warn(
        'gt2: runbook drift: the ingester reads the npm registry, not the GitHub repositories the runbook lists',
      );
      const results = await Promise.all(config.npm.packages.map((name) => probeLatestVersion(config, name)));
      settleProbes('gt2', results, reporter);
      for (const [index, name] of config.npm.packages.entries()) {
        const version = latestVersion(results[index]!);
        expect(semver.valid(version), `${name} latest`).not.toBeNull();
        const tag = releases.get(name.split('/')[1] as string);
        if (tag !== undefined && tag.replace(/^v/, '') !== version) {
          warn(
            `gt2: ${name}: npm latest is ${version}, GitHub's latest release is ${tag}: the ingester takes ${version}`,
          );
        }
      }
    },
  );

  it(
    'the backup is present, readable by pg_restore and young enough',
    assertionId('gt2.backup'),
    async () => {
      const { info, ageHours } = await checkBackup(config.backup);
      recordMeasure('backup age (RPO)', Number(ageHours.toFixed(2)), 'h');
      expect(info.tableDataEntries).toBeGreaterThan(0);
    },
  );
});
