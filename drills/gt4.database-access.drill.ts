// gt4 — Vérification des accès aux bases de données: PostgreSQL takes the drill's login and has
// what the restore needs; the engine takes its login, is healthy, and lets it create indices
// under the configured prefix (in cluster mode only with DRILL_CONFIRM_INDEX_PROBE=<host>).
import { expect, it } from 'vitest';
import {
  CheckError,
  checkPostgresAccess,
  checkSearchAccess,
  probeIndexName,
  redactUrl,
  requireBackupPath,
} from '../src/checks/index.ts';
import { loadChecksConfig } from '../src/config/index.ts';
import { assertionId, recordVersion, task, useEnv, useRunOptions, warn } from '../src/drill/index.ts';
import { readDumpInfo } from '../src/pg/index.ts';

task('gt4', () => {
  const config = loadChecksConfig();

  it(
    'PostgreSQL takes the login and grants what the restore needs',
    assertionId('gt4.postgres-access'),
    async () => {
      const { descriptor, pg } = useEnv();
      const dump = await readDumpInfo(requireBackupPath(config.backup.path, 'gt4'));
      const endpoint = `${descriptor.pg.host}:${descriptor.pg.port}/${descriptor.pg.database}`;
      const access = await checkPostgresAccess(pg, { endpoint, dumpServerVersion: dump.serverVersion });
      recordVersion('PostgreSQL', access.serverVersion);
      expect(access.database).toBe(descriptor.pg.database);
      expect(access.user).toBe(descriptor.pg.user);
    },
  );

  it(
    'the search engine takes the login, is healthy and lets the drill create indices under its prefix',
    assertionId('gt4.search-access'),
    async () => {
      const { descriptor, search } = useEnv();
      const { target, runId } = useRunOptions();
      if (!descriptor.search) {
        const details = {
          task: 'gt4',
          object: 'search engine',
          expected: 'an engine in the environment',
          found: 'none (run started with search: false)',
        };
        throw new CheckError(details);
      }
      const host = new URL(descriptor.search.url).host;
      if (target === 'cluster' && config.search.confirmIndexProbe !== host) {
        const index = probeIndexName(config.search.indexPrefix, runId);
        warn(
          `gt4: right to create indices not checked on ${host}: set DRILL_CONFIRM_INDEX_PROBE=${host} to create and delete ${index}`,
        );
        const health = await search.health();
        expect(health.status).not.toBe('red');
        return;
      }
      const engine = await search.info();
      recordVersion('search engine', `${engine.distribution} ${engine.version}`);
      const endpoint = redactUrl(descriptor.search.url);
      const access = await checkSearchAccess(search, {
        endpoint,
        indexPrefix: config.search.indexPrefix,
        runId,
      });
      expect(await search.listIndices(access.probeIndex)).toEqual([]);
    },
  );
});
