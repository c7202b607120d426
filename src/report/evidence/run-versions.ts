// The versions a run involved. Drills record what they found (PostgreSQL server, engine, data
// packages) with recordVersion(); at the end the reporter adds the harness's own (commit, Node,
// the CDTN mapping package) and puts them all in report.json, the HTML and the evidence bundle.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const VERSIONS_FILE = 'versions.json';
/** Set by `cdtn-drill run` for the drill workers (src/cli/run-command.ts). */
const RUN_DIR_VARIABLE = 'DRILL_RUN_REPORT_DIR';

export type RunVersions = Record<string, string>;

/**
 * Records a version for the report, e.g. recordVersion('PostgreSQL', '15.8'). Call it from a drill:
 * it writes to the run's folder, which drill files share (they run one at a time).
 */
export function recordVersion(name: string, value: string, runDir = process.env[RUN_DIR_VARIABLE]): void {
  if (runDir === undefined || runDir === '')
    throw new Error(
      `recordVersion(${name}): ${RUN_DIR_VARIABLE} is not set; drills run through cdtn-drill run`,
    );
  const path = join(runDir, VERSIONS_FILE);
  const versions = readRecorded(path);
  versions[name] = value;
  mkdirSync(runDir, { recursive: true });
  writeFileSync(path, `${JSON.stringify(versions, null, 2)}\n`);
}

/** The recorded versions with the harness's own added; what cannot be read says why. */
export async function collectVersions(runDir: string, projectRoot: string): Promise<RunVersions> {
  return {
    'harness commit': await harnessCommit(projectRoot),
    node: process.version,
    '@socialgouv/cdtn-elasticsearch (mapping)': await packageVersion(
      '@socialgouv/cdtn-elasticsearch',
      projectRoot,
    ),
    ...readRecorded(join(runDir, VERSIONS_FILE)),
  };
}

function readRecorded(path: string): RunVersions {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunVersions;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`cannot read the recorded versions ${path}`, { cause: error });
  }
}

async function harnessCommit(projectRoot: string): Promise<string> {
  const git = (...args: string[]) => promisify(execFile)('git', args, { cwd: projectRoot });
  try {
    const { stdout: commit } = await git('rev-parse', 'HEAD');
    const { stdout: changes } = await git('status', '--porcelain', '--untracked-files=no');
    return `${commit.trim()}${changes.trim() === '' ? '' : ' (with uncommitted changes)'}`;
  } catch {
    return 'unknown: not a git checkout';
  }
}

async function packageVersion(name: string, projectRoot: string): Promise<string> {
  try {
    const entry = createRequire(join(projectRoot, 'package.json')).resolve(`${name}/package.json`);
    return (JSON.parse(await readFile(entry, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}
