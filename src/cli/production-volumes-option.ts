// The production volumes a run's forecast scales to: those of the backup manifest given to the run
// (--manifest, or the one beside --backup: take it from the production backup), else the committed
// production-volumes file.
import { basename } from 'node:path';
import { loadProductionVolumes, volumesFromManifest, type ProductionVolumes } from '../forecast/index.ts';
import { getDefaultManifestPath } from '../pg/create-manifest.ts';
import { loadManifest } from '../pg/load-manifest.ts';

export async function resolveProductionVolumes(options: {
  backup?: string | undefined;
  manifest?: string | undefined;
}): Promise<ProductionVolumes> {
  const defaults = await loadProductionVolumes();
  const manifestPath =
    options.manifest ?? (options.backup === undefined ? undefined : getDefaultManifestPath(options.backup));
  if (manifestPath === undefined) return defaults;
  return volumesFromManifest(await loadManifest(manifestPath), basename(manifestPath), defaults);
}
