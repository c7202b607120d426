// Settings of the ephemeral environment: DRILL_PG_IMAGE, DRILL_SEARCH_IMAGE and their start-up
// limits (src/config declares and checks them, with their defaults).
import { readDrillVariables } from '../config/index.ts';

export interface EphemeralConfig {
  pgImage: string;
  searchImage: string;
  pgTimeoutMs: number;
  searchTimeoutMs: number;
}

export function loadEphemeralConfig(env: NodeJS.ProcessEnv = process.env): EphemeralConfig {
  const variables = readDrillVariables(env);
  return {
    pgImage: variables.DRILL_PG_IMAGE,
    searchImage: variables.DRILL_SEARCH_IMAGE,
    pgTimeoutMs: variables.DRILL_PG_STARTUP_TIMEOUT_MS,
    searchTimeoutMs: variables.DRILL_SEARCH_STARTUP_TIMEOUT_MS,
  };
}
