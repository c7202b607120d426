// Restore (issue 4): the backup restored through the harness against plain pg_restore on the same
// dump, in the same throwaway server, alternating; the medians of --runs pairs; rows/s; manifest time.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { benchRestore, readRestoreConfig, resolveBackup } from '../src/pg/index.ts';
import type { BenchPartSpec } from './bench-part.ts';
import { figure, round, SPREAD_TARGET, spreadPercent } from './bench-results.ts';

export const restorePart: BenchPartSpec = {
  part: 'restore',
  repetition: (runs) => `median of ${runs} (plain, harness) pairs; manifest 1 run`,
  usesWorkbench: false,
  async run({ runs, signal }) {
    const config = readRestoreConfig();
    const backup = await resolveBackup(config, 'ephemeral', signal);
    const scratch = await mkdtemp(join(os.tmpdir(), 'cdtn-bench-restore-'));
    const result = await benchRestore({
      dumpPath: backup.dumpPath as string,
      manifest: backup.manifest,
      rounds: runs,
      manifestOut: join(scratch, 'manifest.json'),
      ...(config.jobs ? { jobs: config.jobs } : {}),
    }).finally(() => rm(scratch, { recursive: true, force: true }));
    const median = `median of ${runs}`;
    return {
      figures: [
        figure('plain pg_restore', round(result.plainSeconds), 's', { note: median }),
        figure('harness restore (checks + pg_restore)', round(result.harnessSeconds), 's', { note: median }),
        figure('harness / plain pg_restore', round(result.ratio, 3), 'ratio', {
          target: { comparison: '<=', value: 1.1, source: 'issue 4' },
          note: 'of the medians',
        }),
        figure('spread of plain pg_restore', spreadPercent(result.plainSamples), '%', {
          target: SPREAD_TARGET,
          note: '(max − min) / median',
        }),
        figure('spread of the harness restore', spreadPercent(result.harnessSamples), '%', {
          target: SPREAD_TARGET,
          note: '(max − min) / median',
        }),
        figure('post-restore step', round(result.postRestoreSeconds), 's', {
          note: `${median}; not in the ratio`,
        }),
        figure('rows restored', result.rows, 'rows', { note: 'from the manifest' }),
        figure('restore throughput (harness)', Math.round(result.rowsPerSecond), 'rows/s'),
        figure('manifest of the dump', round(result.manifestSeconds), 's', {
          note: 'restore into a throwaway server, counts and checksums',
        }),
      ],
      baselines: [{ name: 'plain pg_restore', seconds: round(result.plainSeconds) }],
      facts: {
        backup: backup.origin,
        'dump size': `${(backup.manifest.dump.sizeBytes / 2 ** 20).toFixed(1)} MiB`,
        'pg_restore jobs': String(config.jobs ?? os.availableParallelism()),
      },
    };
  },
};
