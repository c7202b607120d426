// The production volumes a run's forecast scales to: those of the backup manifest given to the run
// (--manifest, or the one beside --backup: take it from the production backup), else the committed
// production-volumes file. A manifest that cannot be read does not stop the run (tt2 reports it):
// the committed volumes are used, and the caller says why.
import { basename } from 'node:path';
import { loadProductionVolumes, volumesFromManifest, type ProductionVolumes } from '../forecast/index.ts';
import { getDefaultManifestPath } from '../pg/create-manifest.ts';
import { loadManifest } from '../pg/load-manifest.ts';

export async function resolveProductionVolumes(options: {
  backup?: string | undefined;
  manifest?: string | undefined;
}): Promise<{ volumes: ProductionVolumes; warning?: string }> {
  const defaults = await loadProductionVolumes();
  const manifestPath =
    options.manifest ?? (options.backup === undefined ? undefined : getDefaultManifestPath(options.backup));
  if (manifestPath === undefined) return { volumes: defaults };
  try {
    return {
      volumes: volumesFromManifest(await loadManifest(manifestPath), basename(manifestPath), defaults),
    };
  } catch (error) {
    return {
      volumes: defaults,
      warning: `forecast: the committed production volumes are used, the manifest gives none: ${(error as Error).message}`,
    };
  }
}
