// The ephemeral target's stand-ins for what the runbook finds already running in a real cluster:
// the backup to restore (the generated fixture), the export service (the reference exporter behind
// export-elasticsearch's HTTP API) and a Kubernetes API with the cron-ingester CronJob whose Jobs run
// the reference ingester. Drills reach them through the same variables as a real cluster's.
import { connectDrillEnv, type DrillEnvDescriptor } from '../env/index.ts';
import { startExportService } from '../export/index.ts';
import { loadIngestConfig, prepareServedRegistry } from '../ingest/index.ts';
import { buildBackupFixture } from '../pg/index.ts';
import { createIngestJob } from './ingest-job.ts';
import { startLocalCluster } from './start-local-cluster.ts';

export interface EphemeralServices {
  /** Variables the drills read (DRILL_BACKUP, DRILL_MANIFEST, DRILL_EXPORT_URL, KUBECONFIG, …). */
  variables: Record<string, string>;
  stop(): Promise<void>;
}

export async function startEphemeralServices(
  descriptor: DrillEnvDescriptor,
  options: {
    signal?: AbortSignal;
    env?: NodeJS.ProcessEnv;
    log?: (line: string) => void;
    /** Times a step for the report (the global setup's); default: just runs it. */
    timed?: <T>(name: string, work: () => Promise<T>) => Promise<T>;
  } = {},
): Promise<EphemeralServices> {
  const env = options.env ?? process.env;
  const timed = options.timed ?? ((_name, work) => work());
  const variables: Record<string, string> = {};
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stops.reverse()) await step();
  };
  try {
    // A backup named by the user (--backup/--manifest) is drilled as it is; otherwise the fixture.
    if (env.DRILL_BACKUP === undefined && env.DRILL_MANIFEST === undefined) {
      const fixture = await timed('backup fixture', () =>
        buildBackupFixture({ signal: options.signal, log: options.log }),
      );
      variables.DRILL_BACKUP = fixture.dumpPath;
      variables.DRILL_MANIFEST = fixture.manifestPath;
    }
    const connected = await connectDrillEnv(descriptor);
    stops.push(() => connected.close());

    const exporter = await startExportService({ pool: connected.pg, search: connected.search });
    stops.push(() => exporter.close());
    variables.DRILL_EXPORT_URL = exporter.url;

    const served = await timed('data packages for tt3', () =>
      prepareServedRegistry(loadIngestConfig(env), { signal: options.signal }),
    );
    served.warnings.forEach((line) => options.log?.(line));
    // The registry's "latest" is read once: tt3 expects the very versions the Job is served.
    variables.DRILL_INGEST_LATEST = Object.entries(served.latest)
      .map(([name, version]) => `${name}@${version}`)
      .join(',');
    const cluster = await timed('Kubernetes test API', () =>
      startLocalCluster({ run: createIngestJob(connected.pg, served) }),
    );
    stops.push(() => cluster.stop());
    Object.assign(variables, {
      KUBECONFIG: cluster.kubeconfigPath,
      DRILL_KUBE_CONTEXT: cluster.context,
      DRILL_ADMIN_NAMESPACE: cluster.namespace,
    });
    return { variables, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
