// The ephemeral target's stand-ins for what the runbook finds already running in a real cluster:
// the backup to restore (the generated fixture) and the export service (the reference exporter
// behind export-elasticsearch's HTTP API, with its bucket on a local S3-compatible server and a
// stand-in of the sitemap endpoint for its post-steps); the data packages tt3's ingestion fetches
// are prepared here too. Drills reach them through the same variables as a real cluster's. There
// is no Kubernetes API: tt3 runs the reference ingester itself (reference-ingestion.ts).
import { connectDrillEnv, type DrillEnvDescriptor } from '../env/index.ts';
import { startExportService } from '../export/index.ts';
import { loadIngestConfig, prepareServedRegistry } from '../ingest/index.ts';
import { buildBackupFixture } from '../pg/index.ts';
import { readDrillVariables } from '../config/index.ts';
import { startS3Server } from './start-s3-server.ts';
import { startSitemapEndpoint } from './sitemap-endpoint.ts';

export interface EphemeralServices {
  /** Variables the drills read (DRILL_BACKUP, DRILL_MANIFEST, DRILL_EXPORT_URL). */
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
    const { DRILL_BACKUP, DRILL_MANIFEST } = readDrillVariables(env);
    if (DRILL_BACKUP === undefined && DRILL_MANIFEST === undefined) {
      const fixture = await timed('backup fixture', () =>
        buildBackupFixture({ signal: options.signal, log: options.log }),
      );
      variables.DRILL_BACKUP = fixture.dumpPath;
      variables.DRILL_MANIFEST = fixture.manifestPath;
    }
    const connected = await connectDrillEnv(descriptor);
    stops.push(() => connected.close());

    const s3 = await timed('S3-compatible server', () => startS3Server());
    stops.push(() => s3.stop());
    const sitemap = await startSitemapEndpoint();
    stops.push(() => sitemap.close());
    const exporter = await startExportService({
      pool: connected.pg,
      search: connected.search,
      postSteps: { bucket: s3.bucket, sitemapEndpoint: sitemap.url },
    });
    stops.push(() => exporter.close());
    variables.DRILL_EXPORT_URL = exporter.url;
    variables.DRILL_PUBLIC_BUCKET_URL = s3.publicUrl;

    const served = await timed('data packages for tt3', () =>
      prepareServedRegistry(loadIngestConfig(env), { signal: options.signal }),
    );
    served.warnings.forEach((line) => options.log?.(line));
    // The registry's "latest" is read once: tt3 expects the very versions the ingestion is served.
    variables.DRILL_INGEST_LATEST = Object.entries(served.latest)
      .map(([name, version]) => `${name}@${version}`)
      .join(',');
    return { variables, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
