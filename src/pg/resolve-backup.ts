// Which dump and manifest the task uses: the ones named by DRILL_BACKUP/DRILL_MANIFEST, else (ephemeral
// only) the generated fixture, built or taken from its cache.
import type { DrillTarget } from '../env/drill-env.ts';
import type { BackupManifest } from './backup-manifest.ts';
import { getDefaultManifestPath } from './create-manifest.ts';
import { buildBackupFixture } from './fixture/build-backup-fixture.ts';
import { loadManifest } from './load-manifest.ts';
import type { RestoreConfig } from './restore-config.ts';
import { RestoreError } from './restore-error.ts';

export interface ResolvedBackup {
  /** Absent in cluster verification when only a manifest was given. */
  dumpPath?: string;
  manifestPath: string;
  manifest: BackupManifest;
  /** "fixture (cached)", "fixture (built in 23 s)" or "DRILL_BACKUP". */
  origin: string;
}

export async function resolveBackup(
  config: RestoreConfig,
  target: DrillTarget,
  signal?: AbortSignal,
): Promise<ResolvedBackup> {
  if (config.backupPath === undefined && config.manifestPath === undefined) {
    if (target === 'cluster') {
      throw new RestoreError(
        'a cluster drill needs the backup it checks: set DRILL_BACKUP (--backup) and/or DRILL_MANIFEST (--manifest)',
      );
    }
    const fixture = await buildBackupFixture(signal ? { signal } : {});
    const origin = fixture.built ? `fixture (built in ${Math.round(fixture.seconds)} s)` : 'fixture (cached)';
    return {
      dumpPath: fixture.dumpPath,
      manifestPath: fixture.manifestPath,
      manifest: fixture.manifest,
      origin,
    };
  }
  const manifestPath = config.manifestPath ?? getDefaultManifestPath(config.backupPath ?? '');
  const manifest = await loadManifest(manifestPath);
  return {
    ...(config.backupPath ? { dumpPath: config.backupPath } : {}),
    manifestPath,
    manifest,
    origin: 'DRILL_BACKUP/DRILL_MANIFEST',
  };
}
