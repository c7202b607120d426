// The ingester's settings from the environment (src/config declares and checks the variables):
//   DRILL_CACHE_DIR      the drill's cache; packages go to its packages/
//   DRILL_NPM_REGISTRY   registry base URL (default: `npm config get registry`)
//   DRILL_INGEST_LATEST  ephemeral target: versions the fake registry serves as latest,
//                        "@socialgouv/legi-data@2.513.0,@socialgouv/kali-data@3.449.0" (default: the
//                        registry's latest, cached; offline, the highest cached version)
//   DRILL_MAX_PACKAGE_LAG_HOURS  read-only cluster runs: how far package_version may be behind the
//                        registry, from the first version not ingested
import { readDrillVariables } from '../config/index.ts';

export interface IngestConfig {
  /** The drill's cache root (DRILL_CACHE_DIR); the tarballs are under its packages/ (getPackageCacheDir). */
  cacheDir: string;
  registryUrl?: string;
  latest: Record<string, string>;
  maxPackageLagHours: number;
}

export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  const variables = readDrillVariables(env);
  return {
    cacheDir: variables.DRILL_CACHE_DIR,
    registryUrl: variables.DRILL_NPM_REGISTRY,
    latest: variables.DRILL_INGEST_LATEST ?? {},
    maxPackageLagHours: variables.DRILL_MAX_PACKAGE_LAG_HOURS,
  };
}
