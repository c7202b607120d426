// Makes the manifest of any custom-format dump: restore it into a throwaway PostgreSQL, then
// count and checksum every table there. This is how a team records a production backup. (The
// fixture's manifest is read from its source database, in the snapshot pg_dump took: fixture/.)
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import pg from 'pg';
import {
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type BackupManifest,
  type TableManifest,
} from './backup-manifest.ts';
import { DRILL_ADMIN } from './post-restore.ts';
import { getDocumentCountsBySource, getDocumentSamples } from './read-document-facts.ts';
import { readDumpInfo, type DumpInfo } from './read-dump-info.ts';
import { restoreBackup } from './restore-backup.ts';
import { CHECKSUM_SESSION_SQL, getTableStats, listTables } from './table-checksums.ts';
import { startThrowawayPostgres, withClient } from './throwaway-postgres.ts';

export interface CreateManifestResult {
  manifest: BackupManifest;
  /** Where it was written. */
  path: string;
  seconds: number;
}

/** `cdtn-admin.dump` → `cdtn-admin.manifest.json` beside it. */
export function getDefaultManifestPath(dumpPath: string): string {
  return `${dumpPath.replace(/\.(dump|backup|pgdump)$/, '')}.manifest.json`;
}

export async function createManifest(
  dumpPath: string,
  options: { out?: string } = {},
): Promise<CreateManifestResult> {
  const started = performance.now();
  const dump = await readDumpInfo(dumpPath);
  await using server = await startThrowawayPostgres(dump.database);
  await restoreBackup({ dumpPath, connectionString: server.connectionString });
  const facts = await withClient(server.connectionString, (client) => readManifestFacts(client));
  const manifest = composeManifest(dump, facts);
  const path = options.out ?? getDefaultManifestPath(dumpPath);
  await writeManifest(path, manifest);
  return { manifest, path, seconds: (performance.now() - started) / 1000 };
}

export async function writeManifest(path: string, manifest: BackupManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest of a dump (what pg_restore --list says of it) and the facts of its data. */
export function composeManifest(
  dump: DumpInfo,
  facts: Pick<BackupManifest, 'tables' | 'documents' | 'users'>,
): BackupManifest {
  return {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    createdAt: new Date().toISOString(),
    dump: {
      file: dump.file,
      sha256: dump.sha256,
      sizeBytes: dump.sizeBytes,
      pgDumpVersion: dump.pgDumpVersion,
      serverVersion: dump.serverVersion,
      database: dump.database,
      dumpedAt: dump.dumpedAt,
    },
    ...facts,
  };
}

/** Everything the manifest says about the data, read from a database holding the dump. */
export async function readManifestFacts(
  client: pg.ClientBase,
): Promise<Pick<BackupManifest, 'tables' | 'documents' | 'users'>> {
  await client.query(CHECKSUM_SESSION_SQL);
  const tables: TableManifest[] = [];
  for (const table of await listTables(client)) {
    tables.push({ ...table, ...(await getTableStats(client, table)) });
  }
  const users = { name: 'auth.users', primaryKey: ['id'] };
  const withoutAdmin = await getTableStats(client, users, `t.id <> ${pg.escapeLiteral(DRILL_ADMIN.id)}`);
  const { rows } = await client.query<{ present: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM auth.users WHERE id = $1) AS present',
    [DRILL_ADMIN.id],
  );
  return {
    tables,
    documents: {
      bySource: await getDocumentCountsBySource(client),
      samples: await getDocumentSamples(client),
    },
    users: {
      drillAdminPresent: rows[0]?.present ?? false,
      withoutDrillAdmin: { rowCount: withoutAdmin.rowCount, keyChecksum: withoutAdmin.keyChecksum },
    },
  };
}
