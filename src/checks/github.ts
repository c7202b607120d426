// GitHub REST checks for gt1/gt2: a repository answers, its latest release, a tag resolved to
// its commit. Every call is a probe (timeout, retries, redacted URL, timing).
import type { ChecksConfig } from '../config/index.ts';
import { RequiredServicesError } from './check-error.ts';
import { probe, type ProbeOptions } from './probe.ts';
import type { ProbeResult } from './probe-result.ts';

type GitHubConfig = Pick<ChecksConfig, 'github' | 'probe'>;

const JSON_ANSWER = { status: [200], contentType: 'application/json' };

function githubProbe(config: GitHubConfig, name: string, path: string, field: string, options: ProbeOptions) {
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
  };
  if (config.github.token) headers.authorization = `Bearer ${config.github.token}`;
  return probe(
    {
      name,
      url: `${config.github.apiUrl.replace(/\/+$/, '')}${path}`,
      level: 'required',
      headers,
      expect: { ...JSON_ANSWER, json: { path: field, nonEmpty: true } },
    },
    { defaults: config.probe, ...options },
  );
}

/** `GET /repos/<owner>/<name>`: the repository exists and is readable. */
export function probeRepository(
  config: GitHubConfig,
  repo: string,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  return githubProbe(config, `GitHub ${repo}`, `/repos/${repo}`, 'full_name', options);
}

/** `GET /repos/<repo>/releases/latest`: body.tag_name is the latest release's tag. */
export function probeLatestRelease(
  config: GitHubConfig,
  repo: string,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  return githubProbe(
    config,
    `GitHub ${repo} latest release`,
    `/repos/${repo}/releases/latest`,
    'tag_name',
    options,
  );
}

/** `GET /repos/<repo>/git/ref/tags/<tag>`: the tag exists; body.object.sha is what it points at. */
export function probeTag(
  config: GitHubConfig,
  repo: string,
  tag: string,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const path = `/repos/${repo}/git/ref/tags/${encodeURIComponent(tag)}`;
  return githubProbe(config, `GitHub ${repo} tag ${tag}`, path, 'object.sha', options);
}

export function tagOf(release: ProbeResult): string {
  return String((release.body as { tag_name: string }).tag_name);
}

export function commitOf(tagRef: ProbeResult): string {
  return String((tagRef.body as { object: { sha: string } }).object.sha);
}

export interface DeployRef {
  repo: string;
  tag: string;
  commit: string;
  /** The probes made, for their timings. */
  probes: ProbeResult[];
}

/**
 * The tag to deploy an application from (configured, else its latest release) and the commit it
 * points at; a failed probe throws, naming the task.
 */
export async function resolveDeployRef(
  config: GitHubConfig,
  app: 'admin' | 'frontend',
  task: string,
  options: ProbeOptions = {},
): Promise<DeployRef> {
  const { repo, tag: configured } = config.github.apps[app];
  const probes: ProbeResult[] = [];
  const passed = (result: ProbeResult): ProbeResult => {
    probes.push(result);
    if (!result.ok) throw new RequiredServicesError(task, [result.problem ?? result.service]);
    return result;
  };
  const tag = configured ?? tagOf(passed(await probeLatestRelease(config, repo, options)));
  const commit = commitOf(passed(await probeTag(config, repo, tag, options)));
  return { repo, tag, commit, probes };
}
