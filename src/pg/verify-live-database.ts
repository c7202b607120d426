// What must hold on a live cdtn-admin database, whatever has changed since the backup: the backup's
// tables are there, and every source the backup publishes still has available documents. (Exact
// counts are for the database a backup was just restored into: verify-restore.ts.)
import type pg from 'pg';
import type { BackupManifest } from './backup-manifest.ts';
import { getDocumentCountsBySource } from './read-document-facts.ts';
import { displayTable, RestoreError, throwIfAny } from './restore-error.ts';
import { listTables } from './table-checksums.ts';

export async function verifyLiveTables(
  client: pg.Pool | pg.ClientBase,
  manifest: BackupManifest,
  databaseName: string,
): Promise<number> {
  const present = new Set((await listTables(client)).map((table) => table.name));
  throwIfAny(
    manifest.tables
      .filter((table) => !present.has(table.name))
      .map(
        (table) =>
          new RestoreError(
            `the live database ${databaseName} has no table ${displayTable(table.name)}, which the backup holds`,
          ),
      ),
  );
  return manifest.tables.length;
}

export async function verifyLiveSources(
  client: pg.Pool | pg.ClientBase,
  manifest: BackupManifest,
  databaseName: string,
): Promise<string[]> {
  const found = await getDocumentCountsBySource(client);
  const sources = Object.entries(manifest.documents.bySource)
    .filter(([, counts]) => counts.available > 0)
    .map(([source]) => source)
    .sort();
  throwIfAny(
    sources
      .filter((source) => (found[source]?.available ?? 0) === 0)
      .map(
        (source) =>
          new RestoreError(
            `the live database ${databaseName} has no available document of source ${source}, the backup has ${manifest.documents.bySource[source]!.available}`,
          ),
      ),
  );
  return sources;
}
