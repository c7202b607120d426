import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { list } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordBackupManifest, recordVersion } from '../../drill/record-evidence.ts';
import { collectVersions } from './run-versions.ts';
import { writeEvidenceBundle } from './write-evidence-bundle.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-evidence-unit-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeEvidenceBundle', () => {
  it('names the manifest it cannot read and leaves no partial bundle', async () => {
    const missing = join(dir, 'nowhere.manifest.json');
    await expect(
      writeEvidenceBundle({
        runDir: dir,
        reports: { 'report.json': '{}\n' },
        runbookPath: join(import.meta.dirname, '../../../fixtures/runbook/plan-de-reprise.md'),
        manifestPath: missing,
        versions: {},
        secrets: [],
      }),
    ).rejects.toThrow(`evidence bundle: cannot read the backup manifest ${missing}`);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('recordBackupManifest', () => {
  it('puts the manifest a drill checked in the bundle, beside the one DRILL_MANIFEST names', async () => {
    const runDir = join(dir, 'run');
    const fixtureManifest = join(dir, 'fixture.manifest.json');
    const namedManifest = join(dir, 'named.manifest.json');
    await writeFile(fixtureManifest, '{"tables":{}}\n');
    await writeFile(namedManifest, '{"tables":{"documents":{}}}\n');
    recordBackupManifest(fixtureManifest, runDir);
    const bundle = await writeEvidenceBundle({
      runDir,
      reports: {},
      runbookPath: fixtureManifest,
      manifestPath: namedManifest,
      versions: {},
      secrets: [],
    });
    const listed: string[] = [];
    await list({ file: bundle.path, onReadEntry: (entry) => listed.push(entry.path) });
    expect(listed.filter((path) => path.startsWith('manifest/'))).toEqual([
      'manifest/named.manifest.json',
      'manifest/fixture.manifest.json',
    ]);
  });
});

describe('recordVersion', () => {
  it('keeps what drills record, in the run folder, under the harness versions', async () => {
    recordVersion('PostgreSQL', '15.8', dir);
    recordVersion('PostgreSQL', '15.10', dir);
    recordVersion('engine', 'OpenSearch 2.19', dir);
    const versions = await collectVersions(dir, join(import.meta.dirname, '../../..'));
    expect(versions).toMatchObject({ PostgreSQL: '15.10', engine: 'OpenSearch 2.19', node: process.version });
    expect(versions['harness commit']).toMatch(/^[0-9a-f]{40}/);
  });

  it('says the run folder is unknown outside cdtn-drill run', () => {
    expect(() => recordVersion('PostgreSQL', '15.8', '')).toThrow(
      'recordVersion(PostgreSQL): DRILL_RUN_REPORT_DIR is not set; drills run through cdtn-drill run',
    );
  });
});
