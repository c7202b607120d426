import { describe, expect, it } from 'vitest';
import { ConfigError, loadChecksConfig, RUNBOOK_DEFAULTS } from '../../src/config/index.ts';

function problemsOf(load: () => unknown): ConfigError['problems'] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadChecksConfig', () => {
  it('reproduces the runbook by default, with its drift noted', () => {
    const config = loadChecksConfig({ env: {} });
    expect(config.github.apps.admin).toEqual({ repo: 'SocialGouv/cdtn-admin' });
    expect(config.github.apps.frontend).toEqual({ repo: 'SocialGouv/code-du-travail-numerique' });
    expect(config.github.dataRepos).toEqual(RUNBOOK_DEFAULTS.github.dataRepos);
    expect(config.backup).toEqual({ maxAgeHours: 24 });
    expect(config.frontend.url).toBe('https://code.travail.gouv.fr');
    const levels = Object.fromEntries(Object.entries(config.sideServices).map(([id, s]) => [id, s.level]));
    expect(levels).toMatchObject({
      'recherche-entreprises': 'required',
      'serving-ml': 'obsolete',
      matomo: 'optional',
      sentry: 'optional',
    });
    expect(config.sideServices['recherche-entreprises (runbook host)']?.drift).toMatch(/runbook names/);
    expect(config.sideServices.s3?.url).toBeUndefined();
    expect(config.sideServices.mattermost?.url).toBeUndefined();
  });

  it('takes the file named by DRILL_CONFIG, then the environment, over the defaults', () => {
    const file = { backup: { maxAgeHours: 48 }, sideServices: { matomo: { level: 'required' } } };
    const config = loadChecksConfig({
      env: { DRILL_CONFIG: 'drill.json', DRILL_MAX_BACKUP_AGE_HOURS: '6', DRILL_ADMIN_TAG: 'v2.77.9' },
      readFile: () => JSON.stringify(file),
    });
    expect(config.backup.maxAgeHours).toBe(6);
    expect(config.sideServices.matomo?.level).toBe('required');
    expect(config.sideServices.matomo?.url).toBe(RUNBOOK_DEFAULTS.sideServices.matomo.url);
    expect(config.github.apps.admin.tag).toBe('v2.77.9');
  });

  it('reports every problem in one pass with its path, source, expected and received', () => {
    const problems = problemsOf(() =>
      loadChecksConfig({
        env: {
          DRILL_CONFIG: 'drill.json',
          DRILL_MAX_BACKUP_AGE_HOURS: 'soon',
          DRILL_FRONTEND_URL: 'code.travail',
        },
        readFile: () =>
          JSON.stringify({
            probe: { retries: 50 },
            sideServices: { x: { name: 'x', level: 'obsolete' } },
            extra: 1,
          }),
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'probe.retries', source: 'drill.json', expected: 'number to be <=10', received: '50' },
        {
          path: 'backup.maxAgeHours',
          source: 'DRILL_MAX_BACKUP_AGE_HOURS',
          expected: 'number',
          received: '"soon"',
        },
        { path: 'frontend.url', source: 'DRILL_FRONTEND_URL', expected: 'a URL', received: '"code.travail"' },
        {
          path: 'sideServices.x.reason',
          source: 'drill.json',
          expected: 'a reason (an obsolete service needs one)',
          received: 'nothing',
        },
        { path: 'extra', source: 'drill.json', expected: 'no such key', received: 'a value' },
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('never prints a secret it was given, even an invalid one', () => {
    let message = '';
    try {
      loadChecksConfig({ env: { MATTERMOST_WEBHOOK: 'hooks-secret-4242', DRILL_PROBE_RETRIES: '-1' } });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain(
      'sideServices.mattermost.url (MATTERMOST_WEBHOOK): expected a URL, received <redacted>',
    );
    expect(message).toContain('probe.retries (DRILL_PROBE_RETRIES)');
    expect(message).not.toContain('hooks-secret-4242');
  });

  it('names the config file when it cannot be read as JSON', () => {
    const problems = problemsOf(() =>
      loadChecksConfig({ env: { DRILL_CONFIG: 'broken.json' }, readFile: () => '{ nope' }),
    );
    expect(problems[0]).toMatchObject({
      source: 'DRILL_CONFIG=broken.json',
      expected: 'a readable JSON file',
    });
  });
});
