import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, documentedDefault, readDrillVariables } from '../../src/config/index.ts';

function errorOf(read: () => unknown): ConfigError {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readDrillVariables', () => {
  it('applies each default to an unset or empty variable, and leaves those without one undefined', () => {
    const variables = readDrillVariables({ DRILL_EXPORT_POLL_MS: '', DRILL_RESTORE_JOBS: '' });
    expect(variables.DRILL_EXPORT_POLL_MS).toBe(5000);
    expect(variables.DRILL_EXPORT_TIMEOUT_MS).toBe(3_600_000);
    expect(variables.DRILL_MAX_PACKAGE_LAG_HOURS).toBe(48);
    expect(variables.DRILL_RESTORE_TEST).toBe('same-server');
    expect(variables.DRILL_ALLOW_JOB).toBe(false);
    expect(variables.DRILL_CACHE_DIR).toBe(join(homedir(), '.cache', 'cdtn-recovery-drill'));
    expect(variables.DRILL_RESTORE_JOBS).toBeUndefined();
    expect(variables.DRILL_BACKUP).toBeUndefined();
  });

  it('turns set values into what the code reads', () => {
    const variables = readDrillVariables({
      DRILL_ALLOW_RESTORE: 'true',
      DRILL_CONFIRM_EXPORT: 'preproduction, production',
      DRILL_INGEST_LATEST: '@socialgouv/legi-data@2.513.0',
      DRILL_PROBE_RETRIES: '3',
      DRILL_CACHE_DIR: '~/elsewhere',
    });
    expect(variables.DRILL_ALLOW_RESTORE).toBe(true);
    expect(variables.DRILL_CONFIRM_EXPORT).toEqual(['preproduction', 'production']);
    expect(variables.DRILL_INGEST_LATEST).toEqual({ '@socialgouv/legi-data': '2.513.0' });
    expect(variables.DRILL_PROBE_RETRIES).toBe(3);
    expect(variables.DRILL_CACHE_DIR).toBe(join(homedir(), 'elsewhere'));
  });

  it('reports every invalid variable in one error, each with what was expected and what was found', () => {
    const error = errorOf(() =>
      readDrillVariables({
        DRILL_JOB_TIMEOUT_MS: 'soon',
        DRILL_ALLOW_JOB: 'yes',
        DRILL_RESTORE_TEST: 'elsewhere',
        DRILL_CONFIRM_EXPORT: 'prod',
        DRILL_PROBE_RETRIES: '50',
        DRILL_FRONTEND_URL: 'code.travail',
      }),
    );
    expect(error.message).toBe(
      [
        'invalid DRILL_* variables, 6 problem(s):',
        '  - DRILL_PROBE_RETRIES: expected number to be <=10, received "50"',
        '  - DRILL_FRONTEND_URL: expected a URL, received "code.travail"',
        '  - DRILL_JOB_TIMEOUT_MS: expected a positive integer, received "soon"',
        '  - DRILL_ALLOW_JOB: expected 1, true, 0 or false, received "yes"',
        '  - DRILL_RESTORE_TEST: expected same-server or throwaway, received "elsewhere"',
        '  - DRILL_CONFIRM_EXPORT: expected preproduction and/or production, comma-separated, received "prod"',
      ].join('\n'),
    );
  });

  it("never prints a secret's value", () => {
    const secret = 'ftp://chat.example/hooks/key-4242';
    const error = errorOf(() => readDrillVariables({ DRILL_NOTIFY_WEBHOOK: secret }));
    expect(error.problems).toEqual([
      {
        path: 'DRILL_NOTIFY_WEBHOOK',
        source: 'environment',
        expected: 'an http(s) URL',
        received: '<redacted>',
      },
    ]);
    expect(error.message).not.toContain('4242');
  });

  it('never prints the credentials of a URL, whatever the variable', () => {
    const error = errorOf(() =>
      readDrillVariables({ DRILL_EXPORT_URL: 'http://drill:pass-4242@export example/' }),
    );
    expect(error.problems[0]?.received).toBe('"http://***@export example/"');
  });

  it('reads each environment it is given, again after the environment changed', () => {
    const env: Record<string, string | undefined> = { DRILL_RESTORE_JOBS: '2' };
    expect(readDrillVariables(env).DRILL_RESTORE_JOBS).toBe(2);
    env.DRILL_RESTORE_JOBS = '3';
    expect(readDrillVariables(env).DRILL_RESTORE_JOBS).toBe(3);
    expect(readDrillVariables({}).DRILL_RESTORE_JOBS).toBeUndefined();
  });

  it('documents the runbook default of a variable that sets the checks configuration', () => {
    expect(documentedDefault('DRILL_ADMIN_NAMESPACE')).toBe('cdtn-admin');
    expect(documentedDefault('DRILL_PROBE_TIMEOUT_MS')).toBe('10000');
    expect(documentedDefault('DRILL_KUBE_CONTEXT')).toBeUndefined();
    expect(documentedDefault('DRILL_EXPORT_POLL_MS')).toBe('5000');
  });
});
