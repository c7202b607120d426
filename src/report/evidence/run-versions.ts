// The versions a run involved: what the drills recorded (recordVersion, src/drill) plus the
// harness's own (commit, Node, the CDTN mapping package), for report.json, the HTML and the bundle.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readRecordedVersions, type RunVersions } from '../../drill/record-evidence.ts';

export type { RunVersions };

/** The recorded versions with the harness's own added; what cannot be read says why. */
export async function collectVersions(runDir: string, projectRoot: string): Promise<RunVersions> {
  return {
    'harness commit': await harnessCommit(projectRoot),
    node: process.version,
    '@socialgouv/cdtn-elasticsearch (mapping)': await packageVersion(
      '@socialgouv/cdtn-elasticsearch',
      projectRoot,
    ),
    ...readRecordedVersions(runDir),
  };
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
