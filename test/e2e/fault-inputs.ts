// Broken copies of the drill's inputs, each made in a temporary folder from the real ones: the
// backup fixture, its manifest, the data-package cache, the runbook.
import { copyFile, mkdir, readdir, readFile, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BackupFixture, BackupManifest } from '../../src/pg/index.ts';
import { getCachedVersions, getPackageCacheDir } from '../../src/ingest/index.ts';

export interface BackupCopy {
  dumpPath: string;
  manifestPath: string;
}

/** The fixture's dump with bytes flipped in its middle, and its unchanged manifest. */
export async function corruptedBackup(dir: string, fixture: BackupFixture): Promise<BackupCopy> {
  const dump = await readFile(fixture.dumpPath);
  for (let offset = Math.floor(dump.length / 2); offset < dump.length / 2 + 64; offset += 1)
    dump[offset] = dump[offset]! ^ 0xff;
  return writeBackup(dir, fixture, dump, await readFile(fixture.manifestPath, 'utf8'));
}

/** The fixture's dump, with a manifest claiming one more row in `table`. */
export async function mismatchedManifest(
  dir: string,
  fixture: BackupFixture,
  table: string,
): Promise<BackupCopy & { expected: number; found: number }> {
  const manifest = JSON.parse(await readFile(fixture.manifestPath, 'utf8')) as BackupManifest;
  const entry = manifest.tables.find((candidate) => candidate.name === table);
  if (entry === undefined) throw new Error(`${fixture.manifestPath} lists no table ${table}`);
  const found = entry.rowCount;
  entry.rowCount += 1;
  const copy = await writeBackup(
    dir,
    fixture,
    await readFile(fixture.dumpPath),
    JSON.stringify(manifest, null, 2),
  );
  return { ...copy, expected: entry.rowCount, found };
}

async function writeBackup(
  dir: string,
  fixture: BackupFixture,
  dump: Buffer,
  manifest: string,
): Promise<BackupCopy> {
  await mkdir(dir, { recursive: true });
  const copy = {
    dumpPath: join(dir, basename(fixture.dumpPath)),
    manifestPath: join(dir, basename(fixture.manifestPath)),
  };
  await writeFile(copy.dumpPath, dump);
  await writeFile(copy.manifestPath, manifest);
  return copy;
}

export interface PackageCacheCopy {
  /** DRILL_CACHE_DIR of the copy. */
  cacheDir: string;
  /** DRILL_INGEST_LATEST: the copied versions, so that nothing asks a registry for `latest`. */
  latestPins: string;
  /** Removes `missing`'s tarball from the copy. */
  removeTarball(): Promise<void>;
}

/**
 * A drill cache whose packages/ holds copies of the served versions (the highest cached), `missing`'s
 * metadata pointing its tarball at `registryUrl`; everything else of the cache (the API server's
 * build, …) is linked, not rebuilt.
 */
export async function packageCacheCopy(
  dir: string,
  packages: readonly string[],
  missing: string,
  registryUrl: string,
): Promise<PackageCacheCopy> {
  const source = getPackageCacheDir();
  const sourceRoot = join(source, '..');
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(sourceRoot))
    if (entry !== 'packages') await symlink(join(sourceRoot, entry), join(dir, entry));
  const pins: string[] = [];
  for (const name of packages) {
    const version = (await getCachedVersions(name, source)).at(-1);
    if (version === undefined) throw new Error(`no cached version of ${name} in ${source}`);
    await mkdir(join(dir, 'packages', name), { recursive: true });
    await copyFile(join(source, name, `${version}.tgz`), join(dir, 'packages', name, `${version}.tgz`));
    const manifest = JSON.parse(await readFile(join(source, name, `${version}.json`), 'utf8')) as {
      dist: { tarball: string };
    };
    if (name === missing)
      manifest.dist.tarball = `${registryUrl}/${name}/-/${name.split('/')[1]}-${version}.tgz`;
    await writeFile(join(dir, 'packages', name, `${version}.json`), JSON.stringify(manifest, null, 2));
    pins.push(`${name}@${version}`);
  }
  // served-registry.ts reads <DRILL_CACHE_DIR>/<package> where package-cache.ts keeps
  // <DRILL_CACHE_DIR>/packages/<package>: the scopes are linked so that both find the copies.
  for (const scope of new Set(packages.map((name) => name.split('/')[0]!)))
    await symlink(join(dir, 'packages', scope), join(dir, scope));
  const missingVersion = pins.find((pin) => pin.startsWith(`${missing}@`))!.slice(missing.length + 1);
  return {
    cacheDir: dir,
    latestPins: pins.join(','),
    removeTarball: () => unlink(join(dir, 'packages', missing, `${missingVersion}.tgz`)),
  };
}

/** The runbook with one more gantt task after `afterId`'s line: a task no drill file covers. */
export async function runbookWithExtraTask(
  runbookPath: string,
  dir: string,
  afterId: string,
  extra: { id: string; label: string },
): Promise<string> {
  const lines = (await readFile(runbookPath, 'utf8')).split('\n');
  const at = lines.findIndex((line) => new RegExp(`: ${afterId}, `).test(line));
  if (at < 0) throw new Error(`${runbookPath}: no gantt line for ${afterId}`);
  lines.splice(at + 1, 0, `${extra.label} : ${extra.id}, after ${afterId}, 10m`);
  await mkdir(dir, { recursive: true });
  const path = join(dir, basename(runbookPath));
  await writeFile(path, lines.join('\n'));
  return path;
}
