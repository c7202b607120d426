// The `export_es_status` rows of cdtn-admin: one per export, `running` → `completed` | `failed`
// (or `timeout` when a run was abandoned). Claiming a new run is atomic: an advisory lock serialises
// the check "is another export running?" with the insert.
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

export type ExportClaim =
  { state: 'started'; row: ExportStatusRow } | { state: 'already-running'; row: ExportStatusRow };

/** A `running` row older than this is an abandoned run (upstream marks it too). */
const STALE_RUNNING_AFTER_MS = 60 * 60 * 1000;
// Arbitrary constant shared by every process that claims an export on this database.
const CLAIM_LOCK_KEY = 0x6364746e;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `id, status, user_id AS "userId", environment, ${iso('created_at')} AS "createdAt",
  ${iso('updated_at')} AS "updatedAt", error, "documentsCount"`;

/**
 * Inserts a `running` row for `environment`, unless an export is already running: the same
 * environment answers `already-running`, another environment is refused (ExportRefusedError).
 */
export async function claimExport(
  pool: pg.Pool,
  environment: ExportEnvironment,
  userId: string,
  staleAfterMs = STALE_RUNNING_AFTER_MS,
): Promise<ExportClaim> {
  const task = EXPORT_TASKS[environment];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK_KEY]);
    await client.query(
      `UPDATE public.export_es_status SET status = 'timeout', updated_at = now(),
         error = 'abandoned: still running after ' || $1::int / 1000 || ' s'
       WHERE status = 'running' AND created_at < now() - make_interval(secs => $1::int / 1000)`,
      [staleAfterMs],
    );
    const running = await client.query<ExportStatusRow>(
      `SELECT ${COLUMNS} FROM public.export_es_status WHERE status = 'running' ORDER BY created_at DESC LIMIT 1`,
    );
    const current = running.rows[0];
    if (current && current.environment !== environment) {
      throw new ExportRefusedError({
        task,
        object: 'table public.export_es_status',
        problem: `export of ${environment} refused`,
        expected: 'no export running',
        found: `${current.environment} export ${current.id} running since ${new Date(current.createdAt).toISOString()}`,
      });
    }
    if (current) {
      await client.query('COMMIT');
      return { state: 'already-running', row: current };
    }
    const inserted = await client.query<ExportStatusRow>(
      `INSERT INTO public.export_es_status (id, status, user_id, environment) VALUES ($1, 'running', $2, $3)
       RETURNING ${COLUMNS}`,
      [randomUUID(), userId, environment],
    );
    await client.query('COMMIT');
    return { state: 'started', row: inserted.rows[0] as ExportStatusRow };
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
