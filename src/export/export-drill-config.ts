// Settings of the export drills (tt4, tt5), from the environment, validated in one pass:
//   DRILL_EXPORT_URL         export service (the local reference service, or export-elasticsearch)
//   DRILL_EXPORT_TIMEOUT_MS  how long one export may run (default 1 h, the runbook's estimate)
//   DRILL_EXPORT_POLL_MS     GET /export/latest interval (default 5 s)
//   DRILL_ADMIN_USER_ID      userId of POST /export (default: the drill admin of post-restore.sql)
//   DRILL_CONFIRM_EXPORT     cluster target only: environments the drill may export, e.g.
//                            "preproduction,production"; without it the drill only reads
//   DRILL_PUBLIC_BUCKET_URL  where anyone reads the public bucket the export's post-steps write
//                            (default: CDTN's, cdtn-prod-public)
import { z } from 'zod';
import { EXPORT_ENVIRONMENTS, type ExportEnvironment } from './export-environment.ts';

export const DRILL_ADMIN_USER_ID = '8babda41-6001-4665-96f5-c430fddb0c53';
/** CDTN's public bucket (fixtures/http/s3.json, gt3's s3 probe). */
const CDTN_PUBLIC_BUCKET_URL = 'https://cdtn-prod-public.s3.gra.io.cloud.ovh.net';

const schema = z.object({
  DRILL_EXPORT_URL: z.url({ error: 'the URL of the export service' }),
  DRILL_EXPORT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 60 * 1000),
  DRILL_EXPORT_POLL_MS: z.coerce.number().int().positive().default(5000),
  DRILL_ADMIN_USER_ID: z.uuid().default(DRILL_ADMIN_USER_ID),
  DRILL_PUBLIC_BUCKET_URL: z.url({ error: 'the public URL of the bucket' }).default(CDTN_PUBLIC_BUCKET_URL),
  DRILL_CONFIRM_EXPORT: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(EXPORT_ENVIRONMENTS))),
});

export interface ExportDrillConfig {
  exportUrl: string;
  timeoutMs: number;
  pollMs: number;
  userId: string;
  confirmed: ExportEnvironment[];
  publicBucketUrl: string;
}

/** The export's time limit alone, readable at collection time (a test's timeout) without the URL. */
export function readExportTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = schema.shape.DRILL_EXPORT_TIMEOUT_MS.safeParse(env.DRILL_EXPORT_TIMEOUT_MS);
  return parsed.success ? parsed.data : schema.shape.DRILL_EXPORT_TIMEOUT_MS.parse(undefined);
}

export function readExportDrillConfig(env: NodeJS.ProcessEnv = process.env): ExportDrillConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`export drill configuration: ${problems.join('; ')}`);
  }
  const config = parsed.data;
  return {
    exportUrl: config.DRILL_EXPORT_URL,
    timeoutMs: config.DRILL_EXPORT_TIMEOUT_MS,
    pollMs: config.DRILL_EXPORT_POLL_MS,
    userId: config.DRILL_ADMIN_USER_ID,
    confirmed: config.DRILL_CONFIRM_EXPORT,
    publicBucketUrl: config.DRILL_PUBLIC_BUCKET_URL.replace(/\/$/, ''),
  };
}
