// What a database restored from a backup must hold in all, read from the backup's manifest alone:
// the totals tt2 compares with what verifyTables found.
import type { BackupManifest } from './backup-manifest.ts';
import type { TablesVerified } from './verify-restore.ts';

/** Tables and rows the manifest promises; after post-restore, its truncation and drill admin included. */
export function expectedRestoredTotals(
  manifest: BackupManifest,
  options: { postRestored: boolean },
): TablesVerified {
  const rowsOf = (name: string, rowCount: number): number => {
    if (!options.postRestored) return rowCount;
    if (name === 'audit.logged_actions') return 0;
    if (name === 'auth.users') return manifest.users.withoutDrillAdmin.rowCount + 1;
    return rowCount;
  };
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, table) => sum + rowsOf(table.name, table.rowCount), 0),
  };
}
