// Confirmations bound to endpoints: every write a confirmed cluster run makes goes to an endpoint
// (kube context/namespace, PostgreSQL host:port/database, engine or export service origin) that
// must be listed under `writeTargets` in the drill's config file. A variable pointing a step
// elsewhere is then refused, instead of being written to.

export const WRITE_KINDS = ['kube', 'postgres', 'search', 'exportService'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** The endpoints this run would write to, as the run is configured (undefined: not configured). */
export type WriteEndpoints = Partial<Record<WriteKind, string>>;
/** What the drill's config file allows (`writeTargets`). */
export type WriteAllowList = Record<WriteKind, readonly string[]>;

export interface WriteBinding {
  endpoints: WriteEndpoints;
  allowList: WriteAllowList;
}

export const NO_WRITE_TARGETS: WriteBinding = {
  endpoints: {},
  allowList: { kube: [], postgres: [], search: [], exportService: [] },
};

/** Where each kind's endpoint is configured, for the messages. */
const CONFIGURED_BY: Record<WriteKind, string> = {
  kube: 'the kubeconfig context and DRILL_ADMIN_NAMESPACE',
  postgres: 'DATABASE_URL or PG*',
  search: 'ELASTICSEARCH_URL',
  exportService: 'DRILL_EXPORT_URL',
};

/** URL endpoints are compared by origin: a path or a trailing slash does not change the server. */
export function normaliseEndpoint(kind: WriteKind, endpoint: string): string {
  if (kind !== 'search' && kind !== 'exportService') return endpoint;
  try {
    return new URL(endpoint).origin;
  } catch {
    return endpoint;
  }
}

export function isCovered(binding: WriteBinding, kind: WriteKind): boolean {
  const endpoint = binding.endpoints[kind];
  if (endpoint === undefined) return false;
  const wanted = normaliseEndpoint(kind, endpoint);
  return binding.allowList[kind].some((allowed) => normaliseEndpoint(kind, allowed) === wanted);
}

/** Why a step writing to these kinds may not run; empty when every endpoint is covered. */
export function uncoveredWrites(binding: WriteBinding, kinds: readonly WriteKind[], step: string): string[] {
  return kinds
    .filter((kind) => !isCovered(binding, kind))
    .map((kind) => {
      const endpoint = binding.endpoints[kind];
      return endpoint === undefined
        ? `${step} writes to ${kind}, whose endpoint is not configured (${CONFIGURED_BY[kind]})`
        : `${step} would write to ${kind} ${normaliseEndpoint(kind, endpoint)}, which the drill's config file (DRILL_CONFIG) does not list under writeTargets.${kind}: nothing started`;
    });
}

/** The --dry-run and report listing: every endpoint with whether the config file covers it. */
export function formatWriteEndpoints(binding: WriteBinding): string {
  return WRITE_KINDS.map((kind) => {
    const endpoint = binding.endpoints[kind];
    const shown = endpoint === undefined ? '(not configured)' : normaliseEndpoint(kind, endpoint);
    return `  ${kind.padEnd(13)} ${shown}  [${isCovered(binding, kind) ? 'listed in writeTargets' : 'not listed: no write allowed'}]`;
  }).join('\n');
}
