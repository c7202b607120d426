// Fault scenarios, each a `cdtn-drill run` that must fail at the right task with the cause named,
// earlier tasks passed, dependents skipped, its report written and nothing of it left running.
// Each selects the shortest run that reaches its fault (`--only`; dependencies outside the
// selection count as done), and runs without an environment when its tasks need none.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_PACKAGES } from '../../src/ingest/index.ts';
import { buildBackupFixture, formatCount, type BackupFixture } from '../../src/pg/index.ts';
import { DEFAULT_RUNBOOK_PATH, loadPlan, type Plan } from '../../src/runbook/index.ts';
import { runDrill, type DrillRun } from './drill-run.ts';
import { expectFailedAt, expectNothingLeft } from './expect-run.ts';
import {
  corruptedBackup,
  mismatchedManifest,
  packageCacheCopy,
  runbookWithExtraTask,
} from './fault-inputs.ts';
import { stopSearchDuringExport, type ExportInterruption } from './stop-search-during-export.ts';

const RUN_TIMEOUT_MS = 600_000;
let plan: Plan;
let fixture: BackupFixture;
let root: string;
const timings: string[] = [];

beforeAll(async () => {
  plan = await loadPlan(DEFAULT_RUNBOOK_PATH);
  fixture = await buildBackupFixture();
  root = await mkdtemp(join(tmpdir(), 'cdtn-e2e-faults-'));
}, 600_000);

afterAll(async () => {
  console.info(timings.join('\n'));
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

/** One scenario's run, with its own reports folder under the shared temporary root. */
async function scenarioRun(
  name: string,
  args: readonly string[],
  options: { env?: Record<string, string>; onLine?: (line: string) => void } = {},
): Promise<DrillRun> {
  const run = await runDrill({ args, reportsDir: join(root, name, 'reports'), ...options });
  timings.push(`e2e fault ${name}: ${run.seconds.toFixed(1)} s, exit ${run.code}`);
  return run;
}

/** tt2 and its dependent on a given backup, through the CLI's flags (`run --backup --manifest`). */
function backupRun(backup: { dumpPath: string; manifestPath: string }): string[] {
  return ['--only', 'tt2,tt3', '--backup', backup.dumpPath, '--manifest', backup.manifestPath];
}

/** A port nothing listens on (taken, then released): connections to it are refused. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}`;
}

describe('a corrupted backup', () => {
  it('fails tt2 naming the dump and its SHA-256', { timeout: RUN_TIMEOUT_MS }, async () => {
    const backup = await corruptedBackup(join(root, 'corrupted'), fixture);
    const run = await scenarioRun('corrupted-backup', backupRun(backup));
    expectFailedAt(run, plan, {
      taskId: 'tt2',
      selected: ['tt2', 'tt3'],
      naming: [backup.dumpPath, 'SHA-256', fixture.manifest.dump.sha256],
    });
  });
});

describe('a manifest that does not match the dump', () => {
  it(
    'fails tt2 naming the table, the expected and the found row counts',
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      // A table restored as dumped (post-restore.sql rewrites others) with rows to count.
      const table = fixture.manifest.tables.find(
        (entry) => entry.rowCount > 0 && !/^(public|auth|audit|contribution)\./.test(entry.name),
      )!.name;
      const backup = await mismatchedManifest(join(root, 'mismatched'), fixture, table);
      const run = await scenarioRun('mismatched-manifest', backupRun(backup));
      expectFailedAt(run, plan, {
        taskId: 'tt2',
        selected: ['tt2', 'tt3'],
        naming: [`table ${table} has ${formatCount(backup.found)} rows`, formatCount(backup.expected)],
      });
    },
  );
});

describe('a data package tarball missing from the registry', () => {
  let registry: Server;
  let registryUrl: string;

  beforeAll(async () => {
    // The registry's answer to a tarball it does not have.
    registry = createServer((_request, response) => response.writeHead(404).end('{"error":"Not found"}'));
    await new Promise<void>((done) => registry.listen(0, '127.0.0.1', done));
    registryUrl = `http://127.0.0.1:${(registry.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((done) => registry.close(done)));

  it('fails tt3 naming the package', { timeout: RUN_TIMEOUT_MS }, async () => {
    const missing = '@socialgouv/fiches-travail-data';
    const cache = await packageCacheCopy(join(root, 'cache'), DATA_PACKAGES, missing, registryUrl);
    // The environment's start serves the cache as it is; the tarball goes once it started (tt2
    // starts), as when it vanishes from the registry between two reads.
    let removal: Promise<void> | undefined;
    const run = await scenarioRun('missing-tarball', ['--only', 'tt2,tt3,tt4'], {
      env: {
        DRILL_CACHE_DIR: cache.cacheDir,
        DRILL_INGEST_LATEST: cache.latestPins,
        DRILL_NPM_REGISTRY: registryUrl,
        DRILL_BACKUP: fixture.dumpPath,
        DRILL_MANIFEST: fixture.manifestPath,
      },
      onLine: (line) => {
        if (/^▶ .* tt2 — /.test(line)) removal ??= cache.removeTarball();
      },
    });
    await removal;
    expect(removal, 'the tarball was removed when tt2 started').toBeDefined();
    expectFailedAt(run, plan, {
      taskId: 'tt3',
      selected: ['tt2', 'tt3', 'tt4'],
      naming: [`tt3: ${missing}`, '404'],
    });
  });
});

describe('the search engine stopped during the preproduction export', () => {
  it('fails tt4 with the export error, its status row failed', { timeout: RUN_TIMEOUT_MS }, async () => {
    const reportsDir = join(root, 'engine-stopped', 'reports');
    const watcher = new AbortController();
    let interruption: Promise<ExportInterruption> | undefined;
    const run = await scenarioRun('engine-stopped', ['--only', 'tt2,tt4,tt5'], {
      env: { DRILL_BACKUP: fixture.dumpPath, DRILL_MANIFEST: fixture.manifestPath },
      onLine: (line) => {
        if (!/^▶ .* tt4 — /.test(line)) return;
        interruption ??= readdir(reportsDir).then((entries) => {
          const runId = entries.find((entry) => /^\d{4}-\d\d-\d\dT/.test(entry))!;
          return stopSearchDuringExport(runId, 'preproduction', watcher.signal);
        });
        // Awaited once the run ends; a failure before that must not count as unhandled.
        interruption.catch(() => {});
      },
    });
    watcher.abort();
    expect(interruption, 'tt4 started').toBeDefined();
    const { exportId, finalStatus, error } = await interruption!;
    expect(finalStatus, `export ${exportId}`).toBe('failed');
    // The engine refuses connections once stopped: the row and the task both say so.
    expect(error).toContain('ECONNREFUSED');
    expectFailedAt(run, plan, {
      taskId: 'tt4',
      selected: ['tt2', 'tt4', 'tt5'],
      naming: [`export ${exportId}`, 'found status failed', 'ECONNREFUSED'],
    });
  });
});

describe('side services', () => {
  it('a required one down fails gt3 naming it', { timeout: RUN_TIMEOUT_MS }, async () => {
    const run = await scenarioRun('required-service-down', ['--only', 'gt3,gt4', '--no-env'], {
      env: { DRILL_ENTERPRISE_API_URL: `${await closedPortUrl()}/api/search` },
    });
    expectFailedAt(run, plan, {
      taskId: 'gt3',
      selected: ['gt3', 'gt4'],
      naming: ['recherche-entreprises'],
    });
  });

  it('an optional one down only warns', { timeout: RUN_TIMEOUT_MS }, async () => {
    const run = await scenarioRun('optional-service-down', ['--only', 'gt3', '--no-env'], {
      env: { DRILL_MATOMO_URL: `${await closedPortUrl()}/matomo.php` },
    });
    expect(run.code, run.stderr).toBe(0);
    const [gt3] = run.report?.tasks ?? [];
    expect(gt3?.status).toBe('passed');
    expect(gt3?.warnings.join('\n')).toMatch(/optional service, not failing: .*matomo/i);
    expectNothingLeft(run);
  });
});

describe('a runbook task with no drill', () => {
  it('fails on coverage before any action, naming the task', { timeout: RUN_TIMEOUT_MS }, async () => {
    const runbook = await runbookWithExtraTask(DEFAULT_RUNBOOK_PATH, join(root, 'runbook'), 'tp1', {
      id: 'tp2',
      label: 'Vérification finale',
    });
    // With an environment asked for: coverage must stop the run before it starts one.
    const run = await scenarioRun('uncovered-task', ['--runbook', runbook]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('runbook tasks with no drill file in drills: tp2 (Vérification finale)');
    // No run id was ever made, so no container or report can carry one.
    expect(run.runId).toBeUndefined();
    expect(run.report).toBeUndefined();
    expectNothingLeft(run);
  });
});
