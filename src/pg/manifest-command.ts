// `cdtn-drill manifest <dump> [--out <file>]`: the manifest of any custom-format dump, made by
// restoring it into a throwaway PostgreSQL. Run it right after taking a production backup.
import { parseArgs } from 'node:util';
import { createManifest } from './create-manifest.ts';
import { formatCount } from './restore-error.ts';

export const MANIFEST_USAGE = `cdtn-drill manifest <dump> [--out <file>]
  <dump>          pg_dump custom-format archive (pg_dump -Fc)
  --out <file>    where to write the manifest (default: <dump without .dump>.manifest.json)`;

/** Exit status: 0 written, 1 the dump could not be read or restored, 2 usage error. */
export async function runManifestCommand(argv: readonly string[]): Promise<0 | 1 | 2> {
  let dumpPath: string | undefined;
  let out: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1)
      throw new Error(`expected one dump file, received ${positionals.length} arguments`);
    [dumpPath] = positionals;
    out = values.out;
  } catch (error) {
    process.stderr.write(`cdtn-drill manifest: ${(error as Error).message}\n\n${MANIFEST_USAGE}\n`);
    return 2;
  }
  try {
    const { manifest, path, seconds } = await createManifest(dumpPath ?? '', out ? { out } : {});
    const rows = manifest.tables.reduce((sum, table) => sum + table.rowCount, 0);
    process.stdout.write(
      `manifest written to ${path}: ${manifest.tables.length} tables, ${formatCount(rows)} rows, dumped at ${manifest.dump.dumpedAt} (${seconds.toFixed(1)} s)\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`cdtn-drill manifest: ${(error as Error).message}\n`);
    return 1;
  }
}
