// The tasks whose duration grows with the data: which measures of the run give their volume and
// the time of their volume-driven action, and which production volume they scale to. The measure
// names are those the drills record (drills/tt2, tt3, and src/export/drill for tt4/tt5).
import { isVolume, type ProductionVolumes, type Volume } from './production-volumes.ts';

export interface WorkloadModel {
  taskId: string;
  /** The action whose time grows with the volume, in words. */
  action: string;
  unit: 'rows' | 'documents';
  volumeMeasure: string;
  secondsMeasure: string;
  /** Per-part measures (tt3: per package), when the run records them, and the parts' volumes. */
  perPart?: { volumeMeasure(part: string): string; secondsMeasure(part: string): string };
  productionVolume(volumes: ProductionVolumes): PartsVolume | { missing: string };
}

/** A production volume, with its parts (documents per package) when the task has some. */
export type PartsVolume = Volume & { parts?: Record<string, number> };

export const WORKLOAD_MODELS: readonly WorkloadModel[] = [
  {
    taskId: 'tt2',
    action: 'pg_restore',
    unit: 'rows',
    volumeMeasure: 'rowsRestored',
    secondsMeasure: 'restoreSeconds',
    productionVolume: (volumes) => volumes.restoreRows,
  },
  {
    taskId: 'tt3',
    action: 'the cron-ingester job',
    unit: 'documents',
    volumeMeasure: 'documentsIngested',
    secondsMeasure: 'ingestSeconds',
    perPart: {
      volumeMeasure: (name) => `ingestDocuments ${name}`,
      secondsMeasure: (name) => `ingestSeconds ${name}`,
    },
    productionVolume: (volumes) => sumOfPackages(volumes.ingestDocuments),
  },
  {
    taskId: 'tt4',
    action: 'the preproduction export',
    unit: 'documents',
    volumeMeasure: 'documentsExported',
    secondsMeasure: 'exportDuration',
    productionVolume: (volumes) => volumes.exportDocuments,
  },
  {
    taskId: 'tt5',
    action: 'the production export',
    unit: 'documents',
    volumeMeasure: 'documentsExported',
    secondsMeasure: 'exportDuration',
    productionVolume: (volumes) => volumes.exportDocuments,
  },
];

/** The ingestion's volume: every package's documents, or which package has no figure. */
function sumOfPackages(packages: ProductionVolumes['ingestDocuments']): PartsVolume | { missing: string } {
  const entries = Object.entries(packages);
  const missing = entries.filter(([, entry]) => !isVolume(entry)).map(([name]) => name);
  if (missing.length > 0) return { missing: `no production documents for ${missing.join(', ')}` };
  const parts = entries.map(([name, entry]) => [name, entry as { value: number; from: string }] as const);
  return {
    value: parts.reduce((sum, [, entry]) => sum + entry.value, 0),
    from: parts.map(([name, entry]) => `${name} ${entry.value} (${entry.from})`).join('; '),
    parts: Object.fromEntries(parts.map(([name, entry]) => [name, entry.value])),
  };
}
