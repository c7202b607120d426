// Drives an export service (the reference one, or export-elasticsearch in a cluster) through its
// HTTP API: trigger `POST /export`, then poll `GET /export/latest` until that run has finished.
import { pollUntil } from '../env/poll-until.ts';
import { EXPORT_TASKS, type ExportEnvironment } from './export-environment.ts';
import { ExportError } from './export-error.ts';
import type { ExportStatusRow } from './export-status.ts';

export type LatestExports = Record<ExportEnvironment, ExportStatusRow | null>;

export interface ExportTrigger {
  environment: ExportEnvironment;
  /** HTTP status of `POST /export`: 202 started, 200 already running. */
  status: number;
  /** The environment's latest row before the trigger: waitForExport ignores it unless it was running. */
  previous: ExportStatusRow | null;
}

export interface WaitForExportOptions {
  timeoutMs: number;
  pollMs: number;
  signal?: AbortSignal;
  /** From triggerExport: the row that must not be mistaken for the new run. */
  since?: ExportStatusRow | null;
}

const REQUEST_TIMEOUT_MS = 30_000;

export async function triggerExport(
  baseUrl: string,
  environment: ExportEnvironment,
  userId: string,
  signal?: AbortSignal,
): Promise<ExportTrigger> {
  const previous = (await fetchLatestExports(baseUrl, environment, signal))[environment];
  const url = new URL('/export', baseUrl).href;
  const response = await request(environment, url, {
    method: 'POST',
    body: JSON.stringify({ environment, userId }),
    signal,
  });
  if (response.status !== 200 && response.status !== 202) {
    throw new ExportError({
      task: EXPORT_TASKS[environment],
      object: `POST ${url}`,
      problem: `${environment} export not started`,
      expected: 'HTTP 202 or 200',
      found: `HTTP ${response.status} ${await response.text()}`,
    });
  }
  return { environment, status: response.status, previous };
}

export async function fetchLatestExports(
  baseUrl: string,
  environment: ExportEnvironment,
  signal?: AbortSignal,
): Promise<LatestExports> {
  const url = new URL('/export/latest', baseUrl).href;
  const response = await request(environment, url, { signal });
  if (!response.ok) {
    throw new ExportError({
      task: EXPORT_TASKS[environment],
      object: `GET ${url}`,
      expected: 'HTTP 200',
      found: `HTTP ${response.status} ${await response.text()}`,
    });
  }
  return (await response.json()) as LatestExports;
}

/** Resolves with the completed row; throws when the run failed or timed out, or when time runs out. */
export async function waitForExport(
  baseUrl: string,
  environment: ExportEnvironment,
  options: WaitForExportOptions,
): Promise<ExportStatusRow> {
  const task = EXPORT_TASKS[environment];
  const since = options.since;
  const isOld = (row: ExportStatusRow) => since != null && row.id === since.id && since.status !== 'running';
  let last: ExportStatusRow | null = null;
  const finished = await pollUntil(
    async () => {
      last = (await fetchLatestExports(baseUrl, environment, options.signal))[environment];
      if (!last || isOld(last) || last.status === 'running') throw new Error('export still running');
      return last;
    },
    {
      timeoutMs: options.timeoutMs,
      intervalMs: options.pollMs,
      signal: options.signal,
      onTimeout: (lastError) => {
        const row = last as ExportStatusRow | null;
        const state = row
          ? `${isOld(row) ? 'no new run; latest' : 'run'} ${row.id} ${row.status} since ${row.createdAt}`
          : 'no export row';
        return new ExportError({
          task,
          object: `export of ${environment} at ${baseUrl}`,
          problem: `not finished after ${options.timeoutMs} ms`,
          found: state,
          cause: lastError,
        });
      },
    },
  );
  if (finished.status === 'completed') return finished;
  throw new ExportError({
    task,
    object: `export ${finished.id} (${environment}) at ${baseUrl}`,
    expected: 'status completed',
    found: `status ${finished.status}: ${finished.error ?? 'no error recorded'}`,
  });
}

async function request(
  environment: ExportEnvironment,
  url: string,
  init: { method?: string; body?: string; signal?: AbortSignal },
): Promise<Response> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  try {
    return await fetch(url, {
      method: init.method ?? 'GET',
      body: init.body,
      headers: init.body ? { 'content-type': 'application/json' } : undefined,
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    });
  } catch (error) {
    throw new ExportError({
      task: EXPORT_TASKS[environment],
      object: `${init.method ?? 'GET'} ${url}`,
      problem: 'export service unreachable',
      cause: error,
    });
  }
}
