// The DRILL_* variables that set a field of the checks configuration: each is checked by that
// field's own schema, and its default is the runbook's (RUNBOOK_DEFAULTS), after a DRILL_CONFIG file.
import type { z } from 'zod';
import { checksConfigSchema } from './checks-config-schema.ts';
import type { DrillVariable } from './drill-variable.ts';

/** Variables that set a field of the checks configuration and are not DRILL_* (their own names upstream). */
export const UPSTREAM_CHECKS_VARIABLES = {
  GITHUB_TOKEN: 'github.token',
  MATTERMOST_WEBHOOK: 'sideServices.mattermost.url',
} as const;

/** Names of the non-DRILL variables holding secrets (their values are redacted wherever they could be printed). */
export const SECRET_ENV = ['GITHUB_TOKEN', 'MATTERMOST_WEBHOOK'] as const;

/** A setting of the checks configuration; the type parameter is what its field's schema gives. */
function field<T>(configPath: string, description: string) {
  return {
    schema: fieldSchema(configPath) as z.ZodType<T>,
    kind: 'setting' as const,
    description,
    configPath,
  };
}

/** The schema of one field of the checks configuration, optional and default wrappers removed. */
function fieldSchema(configPath: string): z.core.$ZodType {
  let node: z.core.$ZodType | undefined = checksConfigSchema;
  for (const key of configPath.split('.')) {
    const def: z.core.$ZodTypeDef = unwrap(node as z.core.$ZodType)._zod.def;
    if (def.type === 'object') node = (def as z.core.$ZodObjectDef).shape[key];
    else if (def.type === 'record') node = (def as z.core.$ZodRecordDef).valueType;
    else node = undefined;
    if (node === undefined) throw new Error(`${configPath}: no such field in the checks configuration`);
  }
  return unwrap(node as z.core.$ZodType);
}

function unwrap(node: z.core.$ZodType): z.core.$ZodType {
  const def = node._zod.def as { type: string; innerType?: z.core.$ZodType };
  return (def.type === 'optional' || def.type === 'default') && def.innerType ? unwrap(def.innerType) : node;
}

const serviceUrl = (id: string, description: string) => field<string>(`sideServices.${id}.url`, description);

export const CHECKS_VARIABLES = {
  DRILL_PROBE_TIMEOUT_MS: field<number>('probe.timeoutMs', 'time limit of one HTTP probe, in ms'),
  DRILL_PROBE_RETRIES: field<number>('probe.retries', 'retries of a failed HTTP probe'),
  DRILL_PROBE_BACKOFF_MS: field<number>('probe.backoffMs', 'first pause between two probe attempts, in ms'),
  DRILL_GITHUB_API_URL: field<string>('github.apiUrl', 'GitHub API (releases, tags)'),
  DRILL_ADMIN_TAG: field<string>(
    'github.apps.admin.tag',
    'tag the admin Deployments must run (tt1); none: the latest release',
  ),
  DRILL_FRONTEND_TAG: field<string>(
    'github.apps.frontend.tag',
    'tag the frontend must run (tp1); none: the latest release',
  ),
  DRILL_NPM_REGISTRY: field<string>(
    'npm.registryUrl',
    'npm registry base URL (gt2, tt3); none: `npm config get registry`',
  ),
  DRILL_BACKUP: field<string>(
    'backup.path',
    'the dump to check and restore (`--backup`); none: the ephemeral target builds its fixture, a cluster run fails gt2, gt4 and tt2',
  ),
  DRILL_MAX_BACKUP_AGE_HOURS: field<number>('backup.maxAgeHours', 'age limit of the backup, in hours (gt2)'),
  DRILL_ENTERPRISE_API_URL: serviceUrl('recherche-entreprises', 'recherche-entreprises, probed by gt3'),
  DRILL_SERVING_ML_URL: serviceUrl('serving-ml', 'serving-ml, probed by gt3 and reported obsolete'),
  DRILL_MATOMO_URL: serviceUrl('matomo', 'Matomo, probed by gt3 (optional)'),
  DRILL_SENTRY_URL: serviceUrl('sentry', 'Sentry, probed by gt3 (optional)'),
  DRILL_S3_URL: serviceUrl('s3', 'the public S3 bucket, probed by gt3 (optional); none: not probed'),
  DRILL_INDEX_PREFIX: field<string>('search.indexPrefix', 'prefix of the indices the drill may create (gt4)'),
  DRILL_CONFIRM_INDEX_PROBE: field<string>(
    'search.confirmIndexProbe',
    'engine host on which gt4 may create and delete a probe index; kept only on a confirmed run',
  ),
  DRILL_FRONTEND_URL: field<string>('frontend.url', 'frontend base URL (tp1)'),
  DRILL_FRONTEND_ALIAS_PREFIX: field<string>('frontend.aliasPrefix', 'alias prefix the frontend reads (tp1)'),
  DRILL_ADMIN_URL: field<string>('admin.url', 'admin base URL (tt1 `/healthz`); none: tt1 reports it unset'),
  DRILL_EXPORT_URL: field<string>(
    'admin.exportUrl',
    'the export service, `export-elasticsearch` (tt1 `/healthz`, tt4, tt5); the ephemeral target starts its own',
  ),
  DRILL_KUBE_CONTEXT: field<string>(
    'cluster.kubeContext',
    "kubeconfig context to use; none: the kubeconfig's current context",
  ),
  DRILL_ADMIN_NAMESPACE: field<string>(
    'cluster.adminNamespace',
    'namespace of cdtn-admin: CronJob, Jobs, Lease, admin Deployments',
  ),
  DRILL_FRONTEND_NAMESPACE: field<string>(
    'cluster.frontendNamespace',
    'namespace of the frontend Deployment (tp1)',
  ),
} satisfies Record<string, DrillVariable>;
