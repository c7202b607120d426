// The environment variables the checks read, and where each lands in the configuration.

export const ENV_PATHS: Record<string, string> = {
  DRILL_PROBE_TIMEOUT_MS: 'probe.timeoutMs',
  DRILL_PROBE_RETRIES: 'probe.retries',
  DRILL_PROBE_BACKOFF_MS: 'probe.backoffMs',
  DRILL_GITHUB_API_URL: 'github.apiUrl',
  GITHUB_TOKEN: 'github.token',
  DRILL_ADMIN_TAG: 'github.apps.admin.tag',
  DRILL_FRONTEND_TAG: 'github.apps.frontend.tag',
  DRILL_NPM_REGISTRY: 'npm.registryUrl',
  DRILL_BACKUP: 'backup.path',
  DRILL_MAX_BACKUP_AGE_HOURS: 'backup.maxAgeHours',
  DRILL_ENTERPRISE_API_URL: 'sideServices.recherche-entreprises.url',
  DRILL_SERVING_ML_URL: 'sideServices.serving-ml.url',
  DRILL_MATOMO_URL: 'sideServices.matomo.url',
  DRILL_SENTRY_URL: 'sideServices.sentry.url',
  DRILL_S3_URL: 'sideServices.s3.url',
  MATTERMOST_WEBHOOK: 'sideServices.mattermost.url',
  DRILL_INDEX_PREFIX: 'search.indexPrefix',
  DRILL_CONFIRM_INDEX_PROBE: 'search.confirmIndexProbe',
  DRILL_FRONTEND_URL: 'frontend.url',
  DRILL_FRONTEND_ALIAS_PREFIX: 'frontend.aliasPrefix',
  DRILL_ADMIN_URL: 'admin.url',
  DRILL_EXPORT_URL: 'admin.exportUrl',
  DRILL_KUBE_CONTEXT: 'cluster.kubeContext',
  DRILL_ADMIN_NAMESPACE: 'cluster.adminNamespace',
  DRILL_FRONTEND_NAMESPACE: 'cluster.frontendNamespace',
};

/** Names of the variables holding secrets (their values are redacted wherever they could be printed). */
export const SECRET_ENV = ['GITHUB_TOKEN', 'MATTERMOST_WEBHOOK'] as const;
