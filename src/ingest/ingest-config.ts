// The ingester's settings from the environment, validated in one pass (zod).
//   DRILL_CACHE_DIR      the drill's cache; packages go to its packages/ (drillCacheDir, src/config)
//   DRILL_NPM_REGISTRY   registry base URL (default: `npm config get registry`)
//   DRILL_INGEST_LATEST  ephemeral target: versions the fake registry serves as latest,
//                        "@socialgouv/legi-data@2.513.0,@socialgouv/kali-data@3.449.0" (default: the
//                        registry's latest, cached; offline, the highest cached version)
//   DRILL_MAX_PACKAGE_LAG_HOURS  read-only cluster runs: how far package_version may be behind the
//                        registry, from the first version not ingested (default 48: two nightly runs)
import { z } from 'zod';
import { drillCacheDir } from '../config/index.ts';

const pin = z.string().regex(/^(@[^@/\s]+\/[^@/\s]+)@(\d+\.\d+\.\d+)$/, 'expected <@scope/name>@<x.y.z>');

const schema = z.object({
  DRILL_NPM_REGISTRY: z.url({ protocol: /^https?$/ }).optional(),
  DRILL_MAX_PACKAGE_LAG_HOURS: z.coerce.number().positive().default(48),
  DRILL_INGEST_LATEST: z
    .string()
    .optional()
    .transform((value, context) => {
      const pins: Record<string, string> = {};
      for (const entry of (value ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean)) {
        const parsed = pin.safeParse(entry);
        if (!parsed.success) {
          context.addIssue({ code: 'custom', message: `"${entry}": expected <@scope/name>@<x.y.z>` });
          continue;
        }
        const at = entry.lastIndexOf('@');
        pins[entry.slice(0, at)] = entry.slice(at + 1);
      }
      return pins;
    }),
});

export interface IngestConfig {
  /** The drill's cache root (DRILL_CACHE_DIR); the tarballs are under its packages/ (getPackageCacheDir). */
  cacheDir: string;
  registryUrl?: string;
  latest: Record<string, string>;
  maxPackageLagHours: number;
}

export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`tt3: invalid ingester settings: ${problems.join('; ')}`);
  }
  const { DRILL_NPM_REGISTRY, DRILL_INGEST_LATEST, DRILL_MAX_PACKAGE_LAG_HOURS } = parsed.data;
  return {
    cacheDir: drillCacheDir(env),
    registryUrl: DRILL_NPM_REGISTRY,
    latest: DRILL_INGEST_LATEST,
    maxPackageLagHours: DRILL_MAX_PACKAGE_LAG_HOURS,
  };
}
