// The version the npm registry's `latest` tag points at, as the ingester asks for it
// (`<registry>/<package>/latest`); the registry's base URL comes from npm's configuration.
import type { ChecksConfig } from '../config/index.ts';
import { getNpmRegistryUrl } from '../ingest/index.ts';
import { probe, type ProbeOptions } from './probe.ts';
import type { ProbeResult } from './probe-result.ts';

export async function probeLatestVersion(
  config: Pick<ChecksConfig, 'npm' | 'probe'>,
  packageName: string,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const registry = (config.npm.registryUrl ?? (await getNpmRegistryUrl())).replace(/\/+$/, '');
  return probe(
    {
      name: `npm ${packageName}`,
      url: `${registry}/${packageName}/latest`,
      level: 'required',
      expect: { status: [200], contentType: 'json', json: { path: 'version', nonEmpty: true } },
    },
    { defaults: config.probe, ...options },
  );
}

/** The version of a good `probeLatestVersion` answer. */
export function latestVersion(result: ProbeResult): string {
  return String((result.body as { version: string }).version);
}
