// Environment start (issue 3): PostgreSQL and the engine from start to ready, in containers of
// their own (not the workbench's, so nothing else shares the machine's start), and the engine's
// memory once ready.
import { loadEphemeralConfig, measureEphemeralEnvironment } from '../src/env/index.ts';
import type { BenchPartSpec } from './bench-part.ts';
import { figure, MIB, round } from './bench-results.ts';

const ISSUE = 'issue 3';

export const envPart: BenchPartSpec = {
  part: 'env',
  repetition: () => '1 run (an engine start is heavy)',
  usesWorkbench: false,
  async run({ signal }) {
    const config = loadEphemeralConfig();
    const measures = await measureEphemeralEnvironment({ signal });
    const figures = [
      figure('PostgreSQL start to ready', round(measures.postgresReadyMs / 1000), 's', {
        target: { comparison: '<=', value: 3, source: ISSUE },
      }),
    ];
    if (measures.searchReadyMs !== undefined)
      figures.push(
        figure('search engine start to ready', round(measures.searchReadyMs / 1000), 's', {
          target: { comparison: '<=', value: 30, source: `${ISSUE} (OpenSearch)` },
        }),
      );
    if (measures.searchMemoryBytes !== undefined)
      figures.push(
        figure('search engine memory once ready', round(measures.searchMemoryBytes / MIB, 0), 'MiB', {
          note: "container's cgroup usage",
        }),
      );
    return {
      figures,
      baselines: [
        { name: 'PostgreSQL start to ready', seconds: round(measures.postgresReadyMs / 1000) },
        ...(measures.searchReadyMs === undefined
          ? []
          : [{ name: 'search engine start to ready', seconds: round(measures.searchReadyMs / 1000) }]),
      ],
      facts: {
        'PostgreSQL image': config.pgImage,
        'search engine image': config.searchImage,
        ...(measures.searchMemoryBytes === undefined
          ? { 'search engine memory': 'not reported by the container runtime' }
          : {}),
      },
    };
  },
};
