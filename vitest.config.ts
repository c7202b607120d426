import { configDefaults, defineConfig } from 'vitest/config';
import { drillsProject } from './src/run/drills-project.ts';

// Four projects: `tests` (the harness's own tests), then `e2e` (whole drill runs through the CLI,
// one at a time, after the tests: they start their own environments, a cluster run's on a real
// Kubernetes control plane), then `rehearsal` (tests of the cluster code on a real control plane);
// both have the Kubernetes binaries built by their global setup (once: ~15 min cold), all
// run by `npm test`; and `drills` (the runbook's drills, run in plan order by `cdtn-drill run`,
// never directly).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'tests',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/rehearsal/**'],
          globalSetup: ['test/global-setup.ts'],
          sequence: { groupOrder: 0 },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/rehearsal/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: 'rehearsal',
          include: ['test/rehearsal/**/*.test.ts'],
          globalSetup: ['test/rehearsal/global-setup.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      drillsProject(),
    ],
  },
});
