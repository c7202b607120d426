// Settings of the ephemeral environment, from the environment variables (all optional).
import { z } from 'zod';
import { OFFICIAL_IMAGES } from './images.ts';
import { EnvError } from './env-error.ts';

const schema = z.object({
  DRILL_PG_IMAGE: z.string().min(1).default(OFFICIAL_IMAGES.postgres),
  DRILL_SEARCH_IMAGE: z.string().min(1).default(OFFICIAL_IMAGES.elasticsearch),
  DRILL_PG_STARTUP_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  DRILL_SEARCH_STARTUP_TIMEOUT_MS: z.coerce.number().int().positive().default(180_000),
});

export interface EphemeralConfig {
  pgImage: string;
  searchImage: string;
  pgTimeoutMs: number;
  searchTimeoutMs: number;
}

export function loadEphemeralConfig(env: NodeJS.ProcessEnv = process.env): EphemeralConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`ephemeral environment: invalid settings:\n- ${problems.join('\n- ')}`);
  }
  const { DRILL_PG_IMAGE, DRILL_SEARCH_IMAGE, DRILL_PG_STARTUP_TIMEOUT_MS, DRILL_SEARCH_STARTUP_TIMEOUT_MS } =
    parsed.data;
  return {
    pgImage: DRILL_PG_IMAGE,
    searchImage: DRILL_SEARCH_IMAGE,
    pgTimeoutMs: DRILL_PG_STARTUP_TIMEOUT_MS,
    searchTimeoutMs: DRILL_SEARCH_STARTUP_TIMEOUT_MS,
  };
}
