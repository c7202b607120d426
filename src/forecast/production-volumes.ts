// The production volumes a forecast scales to: rows the restore loads, documents each package's
// ingestion writes, documents the export indexes. Each figure says where it comes from; a figure no
// source gives is `missing`, with why, and the forecast then forecasts nothing for that task.
// Read from a committed file (fixtures/production-volumes.json, default) or from a production
// backup's manifest.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_PRODUCTION_VOLUMES_PATH = fileURLToPath(
  new URL('../../fixtures/production-volumes.json', import.meta.url),
);

export interface Volume {
  value: number;
  /** Where the figure comes from, for the reader. */
  from: string;
}

export type VolumeOrMissing = Volume | { missing: string };

/** A package's ingested documents; `source` is the documents.source it writes, when it writes any. */
export type PackageVolume = VolumeOrMissing & { source?: string };

export interface ProductionVolumes {
  restoreRows: VolumeOrMissing;
  ingestDocuments: Record<string, PackageVolume>;
  exportDocuments: VolumeOrMissing;
}

const volume = z.union([
  z.object({ value: z.number().nonnegative(), from: z.string().min(1) }),
  z.object({ missing: z.string().min(1) }),
]);
const volumesSchema = z.object({
  restoreRows: volume,
  ingestDocuments: z.record(z.string(), z.intersection(volume, z.object({ source: z.string().optional() }))),
  exportDocuments: volume,
}) satisfies z.ZodType<ProductionVolumes>;

export function isVolume(entry: VolumeOrMissing): entry is Volume {
  return 'value' in entry;
}

export async function loadProductionVolumes(
  path = DEFAULT_PRODUCTION_VOLUMES_PATH,
): Promise<ProductionVolumes> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`production volumes ${path} cannot be read as JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = volumesSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(
      `production volumes ${path}: expected {value, from} or {missing} per figure:\n  ${problems.join('\n  ')}`,
    );
  }
  return parsed.data;
}

/** What a backup manifest says about volumes (src/pg's BackupManifest has these fields). */
export interface ManifestVolumes {
  tables: readonly { name: string; rowCount: number }[];
  documents: { bySource: Readonly<Record<string, { available: number }>> };
}

/**
 * Volumes read from a production backup's manifest: its rows, each package's source's available
 * documents, and all available documents (what the export reads). A package writing no document
 * keeps the figure `defaults` gives it.
 */
export function volumesFromManifest(
  manifest: ManifestVolumes,
  manifestName: string,
  defaults: ProductionVolumes,
): ProductionVolumes {
  const available = (source: string): number => manifest.documents.bySource[source]?.available ?? 0;
  const ingestDocuments = Object.fromEntries(
    Object.entries(defaults.ingestDocuments).map(([name, entry]) => [
      name,
      entry.source === undefined
        ? entry
        : {
            source: entry.source,
            value: available(entry.source),
            from: `manifest ${manifestName}: available ${entry.source} documents`,
          },
    ]),
  );
  return {
    restoreRows: {
      value: manifest.tables.reduce((sum, table) => sum + table.rowCount, 0),
      from: `manifest ${manifestName}: rows of its ${manifest.tables.length} tables`,
    },
    ingestDocuments,
    exportDocuments: {
      value: Object.keys(manifest.documents.bySource).reduce((sum, source) => sum + available(source), 0),
      from: `manifest ${manifestName}: available documents of every source (what the export reads)`,
    },
  };
}
