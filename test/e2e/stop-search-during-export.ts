// Fault (d): the search engine stopped while an export runs. From outside the CLI, as an operator
// would see it: the run's PostgreSQL container (found by its labels) shows the export's `running`
// row, then the run's search container is stopped, and the row is followed to its final status.
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { getContainerRuntime, RUN_ID_LABEL, SERVICE_LABEL } from '../../src/env/container-runtime.ts';

const POLL_MS = 100;

export interface ExportInterruption {
  exportId: string;
  /** The row's status and error after the engine stopped, as last read before the run ended. */
  finalStatus: string | undefined;
  error: string | null | undefined;
}

async function containerOf(runId: string, service: string) {
  const runtime = await getContainerRuntime();
  const [found] = await runtime.container.dockerode.listContainers({
    filters: { label: [`${RUN_ID_LABEL}=${runId}`, `${SERVICE_LABEL}=${service}`] },
  });
  if (found === undefined) throw new Error(`run ${runId} has no running ${service} container`);
  return { info: found, container: runtime.container.dockerode.getContainer(found.Id) };
}

/** A client to the run's database, with the credentials the container was started with. */
async function connectToRunDatabase(runId: string): Promise<pg.Client> {
  const { info, container } = await containerOf(runId, 'postgres');
  const env = new Map(
    ((await container.inspect()).Config.Env ?? []).map((entry) => {
      const at = entry.indexOf('=');
      return [entry.slice(0, at), entry.slice(at + 1)] as const;
    }),
  );
  const port = info.Ports.find((binding) => binding.PrivatePort === 5432)?.PublicPort;
  const client = new pg.Client({
    host: process.env.TESTCONTAINERS_HOST_OVERRIDE ?? 'localhost',
    port,
    user: env.get('POSTGRES_USER'),
    password: env.get('POSTGRES_PASSWORD'),
    database: env.get('POSTGRES_DB'),
  });
  // The run's end removes the container under this client: a lost connection is expected then.
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Waits for `environment`'s export to be running, stops the search container, follows the row. */
export async function stopSearchDuringExport(
  runId: string,
  environment: string,
  signal: AbortSignal,
): Promise<ExportInterruption> {
  const client = await connectToRunDatabase(runId);
  try {
    let exportId: string | undefined;
    while (exportId === undefined) {
      signal.throwIfAborted();
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM public.export_es_status WHERE environment = $1 AND status = 'running'`,
        [environment],
      );
      exportId = rows[0]?.id;
      if (exportId === undefined) await sleep(POLL_MS);
    }
    await (await containerOf(runId, 'search')).container.stop({ t: 0 });
    let row: { status: string; error: string | null } | undefined;
    // Until the row leaves `running`, or the run ends and takes its database with it.
    while (row?.status === undefined || row.status === 'running') {
      if (signal.aborted) break;
      const result = await client
        .query<{ status: string; error: string | null }>(
          'SELECT status, error FROM public.export_es_status WHERE id = $1',
          [exportId],
        )
        .catch(() => undefined);
      if (result === undefined) break;
      row = result.rows[0];
      await sleep(POLL_MS);
    }
    return { exportId, finalStatus: row?.status, error: row?.error };
  } finally {
    await client.end().catch(() => {});
  }
}
