// What a probe reports: the same shape whether it passed or failed, with its duration.
import type { ServiceLevel } from '../config/index.ts';

export type FailureKind =
  | 'not-configured'
  | 'timeout'
  | 'dns'
  | 'tls'
  | 'connection'
  | 'network'
  | 'server-error'
  | 'unexpected-status'
  | 'wrong-content';

export interface ProbeResult {
  service: string;
  /** Redacted: safe to print. */
  url: string;
  level: ServiceLevel;
  ok: boolean;
  /** HTTP status of the last attempt, when one answered. */
  status?: number;
  durationMs: number;
  attempts: number;
  failure?: FailureKind;
  /** "<service>: GET <url>: <what happened>: expected …, found …" (no secrets). */
  problem?: string;
  /** Why the service is optional/obsolete, and the runbook drift about it. */
  reason?: string;
  drift?: string;
  /** Parsed JSON body, or the text, of a good answer (for checks that read it). */
  body?: unknown;
}
