// Reads and validates a manifest file, and ties it to the dump it describes.
import { readFile } from 'node:fs/promises';
import { backupManifestSchema, type BackupManifest } from './backup-manifest.ts';
import type { DumpInfo } from './read-dump-info.ts';
import { RestoreError } from './restore-error.ts';

export async function loadManifest(path: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RestoreError(
      `manifest ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); make it with \`cdtn-drill manifest <dump>\``,
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RestoreError(`manifest ${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new RestoreError(`manifest ${path} is not a valid backup manifest:\n  ${problems.join('\n  ')}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** A manifest made from another dump is refused before anything is restored. */
export function ensureManifestMatchesDump(manifest: BackupManifest, dump: DumpInfo): void {
  if (manifest.dump.sha256 !== dump.sha256) {
    throw new RestoreError(
      `dump ${dump.path} has SHA-256 ${dump.sha256} (${dump.sizeBytes} bytes), the manifest was made from ${manifest.dump.file} with SHA-256 ${manifest.dump.sha256} (${manifest.dump.sizeBytes} bytes)`,
    );
  }
}
