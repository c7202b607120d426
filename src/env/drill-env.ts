// What a drill receives: the environment it acts on, whichever provider built it.
import type pg from 'pg';
import type { DRILL_TARGETS } from '../config/index.ts';
import type { SearchEndpoint } from '../search/client-connection.ts';
import type { SearchEngine } from '../search/search-engine.ts';

// Defined with the engine's clients (src/search knows nothing of src/env); part of what a drill receives.
export type { SearchEndpoint };

/** The targets a run may have (DRILL_TARGET, `--target`), declared with the variable in src/config. */
export type DrillTarget = (typeof DRILL_TARGETS)[number];

export interface PgEndpoint {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** postgres:// URL with the password; never print it (see redaction). */
  connectionString: string;
  /** TLS as libpq's sslmode says (cluster target); absent: no TLS. */
  ssl?: PgSsl;
}

export interface PgSsl {
  mode: 'require' | 'verify-ca' | 'verify-full';
  /** PEM file of the CA that signed the server's certificate (PGSSLROOTCERT). */
  caFile?: string;
}

/** Serializable description of a started environment (handed from global setup to the drills). */
export interface DrillEnvDescriptor {
  target: DrillTarget;
  runId: string;
  pg: PgEndpoint;
  /** Absent when the run started no search engine (`startEnvironment({ search: false })`). */
  search?: SearchEndpoint;
}

export interface DrillEnv {
  descriptor: DrillEnvDescriptor;
  pg: pg.Pool;
  search: SearchEngine;
}
