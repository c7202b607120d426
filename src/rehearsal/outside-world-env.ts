// What a production-like cluster run is given to reach the outside world, when that world is the
// recordings of fixtures/http/ served over HTTP on 127.0.0.1 (recorded-world.ts): the variables of
// the services the drill probes, and the drill config's side service that has no variable.
import { RUNBOOK_DEFAULTS } from '../config/index.ts';
import type { RecordedWorld } from './recorded-world.ts';

/** Recorded in fixtures/http/ (admin.json, s3.json); the runbook gives no default for them. */
export const RECORDED_ADMIN_URL = 'https://cdtn-admin.fabrique.social.gouv.fr';
const RECORDED_S3_URL = 'https://cdtn-prod-public.s3.gra.io.cloud.ovh.net/published/agreements/index.json';
/** The one side service without a variable: the drill's config file points it at the recordings. */
const OLD_HOST = 'recherche-entreprises (runbook host)';

const { github, sideServices } = RUNBOOK_DEFAULTS;

export function outsideWorldEnv(world: RecordedWorld): Record<string, string> {
  return {
    DRILL_GITHUB_API_URL: world.urlOf(github.apiUrl),
    DRILL_ENTERPRISE_API_URL: world.urlOf(sideServices['recherche-entreprises'].url),
    DRILL_SERVING_ML_URL: world.urlOf(sideServices['serving-ml'].url),
    DRILL_MATOMO_URL: world.urlOf(sideServices.matomo.url),
    DRILL_SENTRY_URL: world.urlOf(sideServices.sentry.url),
    DRILL_S3_URL: world.urlOf(RECORDED_S3_URL),
  };
}

export function outsideWorldConfig(world: RecordedWorld): { sideServices: Record<string, { url: string }> } {
  return { sideServices: { [OLD_HOST]: { url: world.urlOf(sideServices[OLD_HOST].url) } } };
}
