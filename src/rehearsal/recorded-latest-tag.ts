// The tag of a repository's latest release as the GitHub recordings (fixtures/http/) answer it: what
// tt1 and tp1 expect the Deployments to run, so what a production-like cluster deploys.
import { readRecordings } from '../checks/index.ts';
import { RUNBOOK_DEFAULTS } from '../config/index.ts';

const { github } = RUNBOOK_DEFAULTS;

/** The latest release's tag of a repository, as the GitHub recordings answer it. */
export function recordedLatestTag(repo: string): string {
  const url = `${github.apiUrl}/repos/${repo}/releases/latest`;
  const release = readRecordings().find((exchange) => exchange.request.url === url)?.response?.json;
  const tag = (release as { tag_name?: unknown } | undefined)?.tag_name;
  if (typeof tag !== 'string') throw new Error(`rehearsal: fixtures/http has no latest release of ${repo}`);
  return tag;
}
