import { defineConfig } from 'vitest/config';
import { drillsProject } from './src/run/drills-project.ts';

// Two projects: `tests` (the harness's own tests, `npm test`) and `drills` (the runbook's drills,
// run in plan order by `cdtn-drill run`, never directly).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'tests',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      drillsProject(),
    ],
  },
});
