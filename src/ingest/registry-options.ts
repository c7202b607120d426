// Where and how patiently the ingester talks to the npm registry. The base URL is never written in
// code: it comes from the caller, else from npm's own configuration (`npm config get registry`).
import { execa } from 'execa';
import { loadIngestConfig } from './ingest-config.ts';

export interface RegistryOptions {
  /** Registry base URL; default: DRILL_NPM_REGISTRY, else `npm config get registry`. */
  url?: string;
  /** Per-attempt timeout of a metadata request, in ms (default 30 000). */
  timeoutMs?: number;
  /** Per-attempt timeout of a tarball download, in ms (default 300 000). */
  downloadTimeoutMs?: number;
  /** Attempts after the first one, for 5xx answers, network errors and timeouts (default 3). */
  retries?: number;
  /** First back-off delay in ms, doubled at each retry (default 500). */
  backoffMs?: number;
}

export type ResolvedRegistryOptions = Required<RegistryOptions>;

let npmRegistryUrl: Promise<string> | undefined;

/** The registry base URL from npm's configuration, without a trailing slash (asked once). */
export function getNpmRegistryUrl(): Promise<string> {
  npmRegistryUrl ??= execa('npm', ['config', 'get', 'registry']).then(({ stdout }) => {
    const url = stdout.trim();
    if (!/^https?:\/\//.test(url)) {
      throw new Error(`tt3: \`npm config get registry\` gave "${url}", expected an http(s) URL`);
    }
    return url.replace(/\/+$/, '');
  });
  return npmRegistryUrl;
}

/** The registry the ingester talks to: DRILL_NPM_REGISTRY, else npm's configured registry. */
export async function getRegistryUrl(): Promise<string> {
  return (loadIngestConfig().registryUrl ?? (await getNpmRegistryUrl())).replace(/\/+$/, '');
}

export async function resolveRegistryOptions(
  options: RegistryOptions = {},
): Promise<ResolvedRegistryOptions> {
  return {
    url: (options.url ?? (await getRegistryUrl())).replace(/\/+$/, ''),
    timeoutMs: options.timeoutMs ?? 30_000,
    downloadTimeoutMs: options.downloadTimeoutMs ?? 300_000,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 500,
  };
}
