// DRILL_CACHE_DIR, the drill's cache (data packages here; the scripts keep the images and the
// Kubernetes binaries there too), read here only so that the ingester and the k8s module share it.
import { readDrillVariables } from './read-drill-variables.ts';

export function drillCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return readDrillVariables(env).DRILL_CACHE_DIR;
}
