// What "delivered" looks like over HTTP: the health endpoints of the admin, the export service and
// the frontend, and the runbook's final "se connecter sur https://code.travail.gouv.fr" checks.
import type { ChecksConfig } from '../config/index.ts';
import type { ProbeTarget } from './probe.ts';

const join = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;
const at = (base: string | undefined, path: string) => (base === undefined ? undefined : join(base, path));

/** admin `/healthz` ("It Works!"); absent URL: reported as not configured. */
export function adminHealthTarget(config: Pick<ChecksConfig, 'admin'>): ProbeTarget {
  return {
    name: 'admin /healthz',
    url: at(config.admin.url, '/healthz'),
    level: 'required',
    reason: 'set DRILL_ADMIN_URL',
    expect: { status: [200], text: 'It Works!' },
  };
}

/** export-elasticsearch `/healthz` → `{"status":"available"}`. */
export function exportHealthTarget(config: Pick<ChecksConfig, 'admin'>): ProbeTarget {
  return {
    name: 'export /healthz',
    url: at(config.admin.exportUrl, '/healthz'),
    level: 'required',
    reason: 'set DRILL_EXPORT_URL',
    expect: {
      status: [200],
      contentType: 'json',
      json: { path: 'status', equals: 'available', nonEmpty: false },
    },
  };
}

/** frontend `/api/health` reports the deployed commit. */
export function frontendCommitTarget(config: Pick<ChecksConfig, 'frontend'>, commit: string): ProbeTarget {
  return {
    name: 'frontend /api/health commit',
    url: join(config.frontend.url, '/api/health'),
    level: 'required',
    expect: { status: [200], contentType: 'json', json: { path: 'commit', equals: commit, nonEmpty: true } },
  };
}

/** The site answers as the runbook's last step and CDTN's production check expect. */
export function frontendSmokeTargets(config: Pick<ChecksConfig, 'frontend'>): ProbeTarget[] {
  const { url, presearchQuery, suggestQuery, idcc, articleSlug } = config.frontend;
  const page = (path: string, text?: string): ProbeTarget => ({
    name: `frontend ${path}`,
    url: join(url, path),
    level: 'required',
    expect: { status: [200], contentType: 'text/html', ...(text && { text }) },
  });
  const api = (path: string, field: string, equals?: string | number): ProbeTarget => ({
    name: `frontend ${path}`,
    url: join(url, path),
    level: 'required',
    expect: {
      status: [200],
      contentType: 'json',
      json: { path: field, nonEmpty: true, ...(equals !== undefined && { equals }) },
    },
  });
  const q = encodeURIComponent;
  return [
    api('/api/health', 'status', 'up and running'),
    page('/', 'Code du travail numérique'),
    api(`/api/presearch?q=${q(presearchQuery)}`, 'results'),
    api(`/api/suggest?q=${q(suggestQuery)}`, ''),
    api(`/api/idcc?q=${q(idcc)}`, 'hits.hits.0._source.num', Number(idcc)),
    page(`/code-du-travail/${articleSlug}`),
    {
      name: 'frontend /sitemap.xml',
      url: join(url, '/sitemap.xml'),
      level: 'required',
      expect: { status: [200], contentType: 'text/xml', text: '<urlset' },
    },
  ];
}
