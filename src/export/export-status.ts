// The `export_es_status` rows of cdtn-admin: one per export, `running` → `completed` | `failed`
// (or `timeout`). Claiming follows export-elasticsearch's rules (src/services/export.ts
// `verifyAndCleanPreviousExport`, called by src/controllers/export.ts with 15 minutes): another
// environment's running export refuses the claim, however old; the same environment's refuses it
// when younger than 15 minutes, else it is marked `timeout` and the new run starts. Claiming is
// atomic here: an advisory lock serialises the check with the insert.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { EXPORT_ENVIRONMENTS, EXPORT_TASKS, type ExportEnvironment } from './export-environment.ts';
import { ExportError, ExportInputError, ExportRefusedError } from './export-error.ts';

export type ExportStatusValue = 'running' | 'completed' | 'failed' | 'timeout';

/** Per source document counts plus `total`, as export-elasticsearch stores them. */
export type DocumentsCount = Record<string, number>;

export interface ExportStatusRow {
  id: string;
  status: ExportStatusValue;
  userId: string;
  environment: ExportEnvironment;
  createdAt: string;
  updatedAt: string;
  error: string | null;
  documentsCount: DocumentsCount | null;
}

/** Upstream's limit: a running export of the same environment younger than this refuses a new one. */
export const SAME_ENVIRONMENT_LIMIT_MINUTES = 15;
// Arbitrary constant shared by every process that claims an export on this database.
const CLAIM_LOCK_KEY = 0x6364746e;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `id, status, user_id AS "userId", environment, ${iso('created_at')} AS "createdAt",
  ${iso('updated_at')} AS "updatedAt", error, "documentsCount"`;

/** Inserts a `running` row for `environment` as upstream's rules allow, or throws ExportRefusedError. */
export async function claimExport(
  pool: pg.Pool,
  environment: ExportEnvironment,
  userId: string,
): Promise<ExportStatusRow> {
  const task = EXPORT_TASKS[environment];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK_KEY]);
    // Upstream looks at the first running row only (its query has no order): the latest here.
    const running = await client.query<ExportStatusRow & { young: boolean }>(
      `SELECT ${COLUMNS}, created_at >= now() - make_interval(mins => $1) AS young
       FROM public.export_es_status WHERE status = 'running' ORDER BY created_at DESC LIMIT 1`,
      [SAME_ENVIRONMENT_LIMIT_MINUTES],
    );
    const current = running.rows[0];
    if (current) {
      const found = `${current.environment} export ${current.id} running since ${new Date(current.createdAt).toISOString()}`;
      const refuse = (expected: string) =>
        new ExportRefusedError({
          task,
          object: 'table public.export_es_status',
          problem: `export of ${environment} refused`,
          expected,
          found,
        });
      if (current.environment !== environment) throw refuse('no export of another environment running');
      if (current.young)
        throw refuse(
          `no export of ${environment} started less than ${SAME_ENVIRONMENT_LIMIT_MINUTES} minutes ago`,
        );
      await client.query(
        `UPDATE public.export_es_status SET status = 'timeout', updated_at = now() WHERE id = $1`,
        [current.id],
      );
    }
    const inserted = await client.query<ExportStatusRow>(
      `INSERT INTO public.export_es_status (id, status, user_id, environment) VALUES ($1, 'running', $2, $3)
       RETURNING ${COLUMNS}`,
      [randomUUID(), userId, environment],
    );
    await client.query('COMMIT');
    return inserted.rows[0] as ExportStatusRow;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof ExportError) throw error;
    const object = 'table public.export_es_status';
    if ((error as { code?: string }).code === '23503') {
      throw new ExportInputError({
        task,
        object,
        problem: `user ${userId} is not in auth.users`,
        cause: error,
      });
    }
    throw new ExportError({
      task,
      object,
      problem: `could not record the ${environment} export`,
      cause: error,
    });
  } finally {
    client.release();
  }
}

export async function storeDocumentsCount(pool: pg.Pool, id: string, counts: DocumentsCount): Promise<void> {
  await pool.query(
    `UPDATE public.export_es_status SET "documentsCount" = $2, updated_at = now() WHERE id = $1`,
    [id, JSON.stringify(counts)],
  );
}

export async function finishExport(pool: pg.Pool, id: string, outcome: { error?: string }): Promise<void> {
  await pool.query(
    `UPDATE public.export_es_status SET status = $2, error = $3, updated_at = now() WHERE id = $1`,
    [id, outcome.error === undefined ? 'completed' : 'failed', outcome.error ?? null],
  );
}

/** The latest row of each environment (what `GET /export/latest` answers). */
export async function getLatestExports(
  pool: pg.Pool,
): Promise<Record<ExportEnvironment, ExportStatusRow | null>> {
  const { rows } = await pool.query<ExportStatusRow>(
    `SELECT DISTINCT ON (environment) ${COLUMNS} FROM public.export_es_status
     ORDER BY environment, created_at DESC`,
  );
  const latest = { preproduction: null, production: null } as Record<
    ExportEnvironment,
    ExportStatusRow | null
  >;
  for (const row of rows)
    if ((EXPORT_ENVIRONMENTS as readonly string[]).includes(row.environment)) latest[row.environment] = row;
  return latest;
}

export async function listExports(
  pool: pg.Pool,
  environment?: ExportEnvironment,
): Promise<ExportStatusRow[]> {
  const { rows } = await pool.query<ExportStatusRow>(
    `SELECT ${COLUMNS} FROM public.export_es_status WHERE $1::text IS NULL OR environment = $1
     ORDER BY created_at DESC LIMIT 100`,
    [environment ?? null],
  );
  return rows;
}
