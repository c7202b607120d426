// The DRILL_* variables of the drills' steps: the manual ingester Job (src/k8s), the restore
// (src/pg), the export (src/export) and the ingester (src/ingest).
import { z } from 'zod';
import { commaList, flag, path, positiveInt, positiveNumber, type DrillVariable } from './drill-variable.ts';

/** The two export targets of export-elasticsearch (DRILL_CONFIRM_EXPORT names them). */
export const EXPORT_ENVIRONMENTS = ['preproduction', 'production'] as const;
/** production: the backup is restored as it is; non-production: upstream's post-restore step follows. */
export const ENVIRONMENT_KINDS = ['production', 'non-production'] as const;
/** Where a cluster's restore test restores: a scratch database on the live server, or a throwaway server. */
export const RESTORE_TEST_SERVERS = ['same-server', 'throwaway'] as const;

const PIN = /^(@[^@/\s]+\/[^@/\s]+)@(\d+\.\d+\.\d+)$/;
/** `@scope/name@x.y.z,…` → { '@scope/name': 'x.y.z' }. */
const pins = commaList(z.string().regex(PIN, { error: '<@scope/name>@<x.y.z>, comma-separated' })).transform(
  (entries: string[]) =>
    Object.fromEntries(
      entries.map((entry) => [
        entry.slice(0, entry.lastIndexOf('@')),
        entry.slice(entry.lastIndexOf('@') + 1),
      ]),
    ),
);

export const STEP_VARIABLES = {
  // src/k8s
  DRILL_JOB_TIMEOUT_MS: {
    schema: positiveInt,
    kind: 'setting',
    description:
      "limit of the wait for the manual ingester Job (tt3); none: the Job's activeDeadlineSeconds + 60 s",
  },
  DRILL_ALLOW_JOB: {
    schema: flag,
    default: 'false',
    kind: 'internal',
    description: 'the manual ingester Job may be created; set from `--allow-job` only',
  },
  DRILL_REPLACE_FINISHED_JOB: {
    schema: flag,
    default: 'false',
    kind: 'internal',
    description:
      'a finished `cron-ingester-manual` may be deleted to create the new one; set from `--replace-finished-job` only',
  },
  // src/pg
  DRILL_MANIFEST: {
    schema: path,
    kind: 'setting',
    description:
      "the backup's manifest (`--manifest`); none: `<dump without .dump>.manifest.json` beside the dump",
  },
  DRILL_ALLOW_RESTORE: {
    schema: flag,
    default: 'false',
    kind: 'internal',
    description: 'a declared recovery over the live database; set from `--allow-restore` only',
  },
  DRILL_CONFIRM_RESTORE: {
    schema: z.string().regex(/^[^/\s]+\/[^/\s]+$/, { error: '<host>/<database>' }),
    kind: 'setting',
    description:
      'the live `<host>/<database>` a declared recovery restores over; kept only when `--allow-restore` runs',
  },
  DRILL_ENVIRONMENT_KIND: {
    schema: z.enum(ENVIRONMENT_KINDS, { error: ENVIRONMENT_KINDS.join(' or ') }),
    kind: 'setting',
    description:
      'post-restore only on non-production (`--non-production`); none: non-production on the ephemeral target, production on a cluster',
  },
  DRILL_RESTORE_TEST: {
    schema: z.enum(RESTORE_TEST_SERVERS, { error: RESTORE_TEST_SERVERS.join(' or ') }),
    default: 'same-server',
    kind: 'setting',
    description: "where a cluster's restore test restores (`--restore-test`)",
  },
  DRILL_RESTORE_JOBS: {
    schema: positiveInt.max(64, { error: 'at most 64' }),
    kind: 'setting',
    description: '`pg_restore --jobs`; none: the number of CPUs',
  },
  DRILL_PG_BINDIR: {
    schema: path,
    kind: 'setting',
    description:
      "`initdb`/`postgres` of the tests' and the benchmark's throwaway PostgreSQL; none: `pg_config --bindir` (with-env sets it)",
  },
  // src/export
  DRILL_EXPORT_TIMEOUT_MS: {
    schema: positiveInt,
    default: '3600000',
    kind: 'setting',
    description: 'how long one export may run (tt4, tt5): the runbook estimate',
  },
  DRILL_EXPORT_POLL_MS: {
    schema: positiveInt,
    default: '5000',
    kind: 'setting',
    description: 'interval of `GET /export/latest` while an export runs',
  },
  DRILL_ADMIN_USER_ID: {
    schema: z.uuid({ error: 'a UUID' }),
    default: '8babda41-6001-4665-96f5-c430fddb0c53',
    kind: 'setting',
    description: "`userId` of `POST /export`: the drill administrator of upstream's post-restore step",
  },
  DRILL_PUBLIC_BUCKET_URL: {
    schema: z.url({ error: 'the public URL of the bucket' }),
    default: 'https://cdtn-prod-public.s3.gra.io.cloud.ovh.net',
    kind: 'setting',
    description:
      "where tt4/tt5 read, without credentials, the sitemap and `agreements/index.json` the export's post-steps wrote (CDTN's public bucket; the ephemeral target sets its local S3-compatible server's)",
  },
  DRILL_CONFIRM_EXPORT: {
    schema: commaList(
      z.enum(EXPORT_ENVIRONMENTS, { error: 'preproduction and/or production, comma-separated' }),
    ),
    kind: 'internal',
    description:
      'environments the drill may export; set from `--confirm` (preproduction) and `--allow-export-prod` (production) only',
  },
  // src/ingest
  DRILL_MAX_PACKAGE_LAG_HOURS: {
    schema: positiveNumber,
    default: '48',
    kind: 'setting',
    description:
      'read-only runs (no `--allow-job`): how far `package_version` may be behind the registry, from the publication of the first version not ingested (two nightly runs)',
  },
  DRILL_INGEST_LATEST: {
    schema: pins,
    kind: 'setting',
    description:
      "ephemeral: versions the fake registry serves as latest, `@scope/name@x.y.z,…`; none: the registry's latest (offline: the highest cached)",
  },
} satisfies Record<string, DrillVariable>;
