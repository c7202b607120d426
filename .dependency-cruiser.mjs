// The layering of docs/architecture.md, checked by dependency-cruiser in `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycle-between-folders',
      comment:
        'Dependencies point one way: a folder never depends, even through others, on one that depends on it.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'runbook-and-report-know-no-data',
      comment:
        "src/runbook and src/report know nothing of PostgreSQL, the index, the ingestion or the environment (the types of the run target and descriptor aside: the report names the target and redacts the descriptor's secrets).",
      severity: 'error',
      from: { path: '^src/(runbook|report)/' },
      to: { path: '^src/(pg|search|ingest|export|env)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'spec-is-independent-of-the-exporter',
      comment:
        "src/spec states what upstream's export publishes, from upstream's rules: it imports nothing of src/export, so a selection bug in the exporter is not mirrored in the expectation.",
      severity: 'error',
      from: { path: '^src/spec/' },
      to: { path: '^src/export/' },
    },
    {
      name: 'ephemeral-target-composes-the-domain',
      comment:
        "src/ephemeral composes the domain modules into the ephemeral target; within src/ only the drills' global setup (src/run) loads it (tt3 takes its ingestion from it too), and the rehearsal, which reuses its local public bucket and sitemap stand-in.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(ephemeral|run|rehearsal)/' },
      to: { path: '^src/ephemeral/' },
    },
    {
      name: 'src-imports-no-drill-or-test',
      comment:
        'The drills and the tests use src/, never the other way round (a test beside its module is a test).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(drills|test)/' },
    },
    {
      name: 'vitest-only-in-tests-and-the-drill-api',
      comment: 'Only tests, the drills and what runs them (src/drill, src/run, src/report) import vitest.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.ts$', '^src/(drill|run|report)/'] },
      to: { path: '^node_modules/vitest/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
