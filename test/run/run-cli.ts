// Runs `node bin/cdtn-drill.ts` the way a user does, with a temporary reports folder.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const fixture = (path: string): string => join('test/fixtures', path);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['bin/cdtn-drill.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env, NO_COLOR: '1' }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh reports folder, removed by the returned disposer. */
export async function temporaryReportsDir(): Promise<{ path: string } & AsyncDisposable> {
  const path = await mkdtemp(join(tmpdir(), 'cdtn-drill-reports-'));
  return { path, [Symbol.asyncDispose]: () => rm(path, { recursive: true, force: true }) };
}

/** `run` on a fixture runbook and fixture drills, without an environment. */
export function fixtureRun(
  { runbook = 'chain', drills = 'chain', reports }: { runbook?: string; drills?: string; reports: string },
  ...extra: string[]
): string[] {
  return [
    'run',
    '--runbook',
    fixture(`runbooks/${runbook}.md`),
    '--drills',
    fixture(`drills/${drills}`),
    '--reports',
    reports,
    '--no-env',
    ...extra,
  ];
}
