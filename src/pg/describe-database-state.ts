// After a failed restore, says what the database now holds, so nobody takes it for a good one.
import type pg from 'pg';
import type { BackupManifest } from './backup-manifest.ts';
import { listTables, quoteTable } from './table-checksums.ts';

export async function describeDatabaseState(
  client: pg.ClientBase,
  manifest: BackupManifest | undefined,
  name: string,
): Promise<string> {
  const present = new Set((await listTables(client)).map((table) => table.name));
  if (present.size === 0) return `database ${name} is empty: nothing was restored`;
  if (!manifest)
    return `database ${name} is partially restored: ${present.size} tables, no manifest to compare with`;
  let complete = 0;
  for (const table of manifest.tables) {
    if (!present.has(table.name)) continue;
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteTable(table.name)}`);
    if (Number(rows[0]?.n) === table.rowCount) complete++;
  }
  const found = manifest.tables.filter((table) => present.has(table.name)).length;
  return `database ${name} is partially restored: ${found} of ${manifest.tables.length} tables exist, ${complete} of them with the manifest's row count; do not use it`;
}
