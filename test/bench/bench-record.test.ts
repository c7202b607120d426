// The bench's record and table (never its speed): targets judged at their boundary, options checked
// in one pass, a failing part recorded with its causes, the table aligned and complete.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BENCH_FORMAT_VERSION,
  BENCH_PARTS,
  DEFAULT_RESULTS_PATH,
  DEFAULT_RUNS,
  figure,
  formatBenchTable,
  DRILL_WALL_FIGURE,
  summariseSpeed,
  type BenchPartRecord,
  parseBenchOptions,
  readMachineInfo,
  readRevision,
  runBenchPart,
  writeBenchResults,
  type BenchContext,
  type BenchResults,
} from '../../bench/index.ts';
import { UsageError } from '../../src/cli/index.ts';

const atMost = (value: number) => ({ comparison: '<=' as const, value, source: 'issue 4' });
const atLeast = (value: number) => ({ comparison: '>=' as const, value, source: 'issue 6' });

describe('figure', () => {
  it('judges a target at its boundary, both ways', () => {
    expect(figure('ratio', 1.1, 'ratio', { target: atMost(1.1) }).met).toBe(true);
    expect(figure('ratio', 1.11, 'ratio', { target: atMost(1.1) }).met).toBe(false);
    expect(figure('ratio', 0.8, 'ratio', { target: atLeast(0.8) }).met).toBe(true);
    expect(figure('ratio', 0.79, 'ratio', { target: atLeast(0.8) }).met).toBe(false);
  });

  it('has no verdict without a target', () => {
    expect(figure('rows', 12, 'rows', { note: 'from the manifest' })).toEqual({
      name: 'rows',
      value: 12,
      unit: 'rows',
      note: 'from the manifest',
    });
  });
});

describe('parseBenchOptions', () => {
  it('runs every part in bench order by default, --only keeps that order', () => {
    expect(parseBenchOptions([])).toEqual({
      parts: [...BENCH_PARTS],
      out: DEFAULT_RESULTS_PATH,
      runs: DEFAULT_RUNS,
    });
    const options = parseBenchOptions(['--only', 'drill,env', '--out', 'x/r.json', '--runs', '5']);
    expect(options).toEqual({ parts: ['env', 'drill'], out: join(process.cwd(), 'x/r.json'), runs: 5 });
  });

  it('reports every bad value at once', () => {
    const problems = usageProblems(['--only', 'env,speed', '--runs', '0']);
    expect(problems.map((problem) => problem.option)).toEqual(['--only', '--runs']);
    expect(problems[0]?.received).toBe('"env,speed"');
  });

  it('refuses an unknown option', () => {
    expect(usageProblems(['--fast']).map((problem) => problem.option)).toEqual(['--fast']);
  });
});

function usageProblems(argv: string[]): UsageError['problems'] {
  try {
    parseBenchOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.problems;
    throw error;
  }
  throw new Error(`parseBenchOptions accepted ${argv.join(' ')}`);
}

describe('runBenchPart', () => {
  const context: BenchContext = {
    runs: 2,
    signal: new AbortController().signal,
    workbench: () => Promise.reject(new Error('no workbench in this test')),
    log: () => {},
  };

  it('records the figures and facts of a part and merges the versions it found', async () => {
    const versions: Record<string, string> = { pg_restore: '15' };
    const record = await runBenchPart(
      {
        part: 'restore',
        repetition: (runs) => `median of ${runs}`,
        usesWorkbench: false,
        run: async () => ({
          figures: [figure('plain pg_restore', 4.2, 's')],
          facts: { backup: 'fixture' },
          versions: { postgres: '15.18' },
        }),
      },
      context,
      versions,
    );
    expect(record).toMatchObject({
      part: 'restore',
      status: 'measured',
      repetition: 'median of 2',
      figures: [{ name: 'plain pg_restore', value: 4.2, unit: 's' }],
      facts: { backup: 'fixture' },
    });
    expect(record.error).toBeUndefined();
    expect(versions).toEqual({ pg_restore: '15', postgres: '15.18' });
  });

  it('records a part that throws as failed, with the causes, and returns', async () => {
    const record = await runBenchPart(
      {
        part: 'ingest',
        repetition: () => '1 run',
        usesWorkbench: true,
        run: (given) => given.workbench().then(() => ({ figures: [] })),
      },
      {
        ...context,
        workbench: () => Promise.reject(new Error('start failed', { cause: new Error('port 5432') })),
      },
      {},
    );
    expect(record).toMatchObject({ part: 'ingest', status: 'failed', figures: [], facts: {} });
    expect(record.error).toBe('start failed\ncaused by: port 5432');
  });
});

function sampleResults(): BenchResults {
  return {
    formatVersion: BENCH_FORMAT_VERSION,
    date: '2026-11-27T06:00:00.000Z',
    seconds: 321,
    revision: 'abc1234',
    machine: {
      nproc: 2,
      memoryBytes: 24 * 2 ** 30,
      cpuModel: 'Test CPU',
      loadAverage: [1, 2, 3],
      os: 'Linux 6',
      node: 'v24.0.0',
      versions: { pg_restore: '15.18', opensearch: '2.19.6' },
    },
    options: { parts: ['restore', 'export', 'drill'], runs: 3 },
    parts: [
      {
        part: 'restore',
        status: 'measured',
        seconds: 60,
        repetition: 'median of 3',
        figures: [
          figure('harness / plain pg_restore', 1.04, 'ratio', {
            target: atMost(1.1),
            note: 'of the medians',
          }),
          figure('rows restored', 87114, 'rows'),
        ],
        facts: { backup: 'fixture (cached)' },
      },
      {
        part: 'export',
        status: 'measured',
        seconds: 90,
        repetition: '1 run',
        figures: [figure('export / raw bulk load', 0.7, 'ratio', { target: atLeast(0.8) })],
        facts: {},
      },
      {
        part: 'drill',
        status: 'failed',
        seconds: 1,
        repetition: '1 run',
        figures: [],
        facts: {},
        error: 'spawn failed\ncaused by: ENOENT',
      },
    ],
    speed: { baselines: [], baselineSeconds: 0, missing: ['env not run'] },
  };
}

describe('summariseSpeed', () => {
  const measured = (part: BenchPartRecord['part'], baselines: number[]): BenchPartRecord => ({
    part,
    status: 'measured',
    seconds: 1,
    repetition: '1 run',
    figures: [],
    facts: {},
    baselines: baselines.map((seconds, index) => ({ name: `${part} ${index}`, seconds })),
  });
  const drill = (wallSeconds: number): BenchPartRecord => ({
    ...measured('drill', []),
    figures: [figure(DRILL_WALL_FIGURE, wallSeconds, 's')],
  });
  const baselineParts = [
    measured('env', [2, 8]),
    measured('restore', [5]),
    measured('ingest', [15]),
    measured('export', [10, 10]),
  ];

  it('divides the drill by the sum of every baseline part, judged against 1.5 at its boundary', () => {
    const within = summariseSpeed([...baselineParts, drill(75)]);
    expect(within.baselineSeconds).toBe(50);
    expect(within.ratio).toMatchObject({ value: 1.5, met: true });
    expect(within.missing).toEqual([]);
    expect(summariseSpeed([...baselineParts, drill(75.5)]).ratio).toMatchObject({ value: 1.51, met: false });
  });

  it('gives no ratio, and says why, when a baseline part or the drill is missing or failed', () => {
    const [env, restore, ingest] = baselineParts;
    const summary = summariseSpeed([env!, { ...restore!, status: 'failed' }, { ...ingest!, baselines: [] }]);
    expect(summary.ratio).toBeUndefined();
    expect(summary.missing).toEqual([
      'restore failed',
      'ingest recorded no baseline',
      'export not run',
      'drill not run',
    ]);
  });
});

describe('formatBenchTable', () => {
  const table = formatBenchTable(sampleResults());
  const lines = table.split('\n');

  it('names the machine, the date and the versions', () => {
    expect(lines[0]).toContain('2026-11-27T06:00:00.000Z');
    expect(lines[0]).toContain('2 × Test CPU');
    expect(lines[0]).toContain('abc1234');
    expect(lines[0]).toContain('24.0 GiB');
    expect(lines[1]).toBe('versions: pg_restore 15.18; opensearch 2.19.6');
  });

  it('prints one aligned row per figure, with its target and whether it was met', () => {
    const header = lines.find((line) => line.startsWith('part'));
    expect(header).toBeDefined();
    const rows = lines.slice(lines.indexOf(header as string), lines.indexOf('', 3));
    expect(rows).toHaveLength(1 + 3 + 1); // header, three figures, one failed part
    const valueEnd = (header as string).indexOf('value') + 'value'.length;
    expect(rows.find((row) => row.includes('rows restored'))?.slice(valueEnd - 6, valueEnd)).toBe('87 114');
    expect(rows.find((row) => row.includes('harness / plain'))).toMatch(
      /1\.04 +ratio +≤ 1\.1 +yes +of the medians/,
    );
    expect(rows.find((row) => row.includes('export / raw'))).toMatch(/0\.7 +ratio +≥ 0\.8 +NO/);
    expect(rows.find((row) => row.startsWith('drill'))).toMatch(/^drill +FAILED .* spawn failed$/);
  });

  it('lists each part with its repetition, facts and full error', () => {
    expect(table).toContain('restore: measured in 60.0 s, median of 3\n  backup: fixture (cached)');
    expect(table).toContain('drill: failed in 1.0 s, 1 run\n  error: spawn failed\n    caused by: ENOENT');
  });
});

describe('writeBenchResults', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('writes the record once, where asked, and says where', async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'bench-test-'));
    const path = join(dir, 'nested', 'results.json');
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    await writeBenchResults(sampleResults(), path);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(sampleResults());
    expect(said.mock.calls).toEqual([[`bench results written to ${path}`]]);
  });
});

describe('readMachineInfo', () => {
  it('reads this machine', async () => {
    const machine = await readMachineInfo();
    expect(machine.nproc).toBe(os.availableParallelism());
    expect(machine.memoryBytes).toBe(os.totalmem());
    expect(machine.cpuModel).not.toBe('');
    expect(machine.node).toBe(process.version);
    expect(machine.versions.pg_restore).toMatch(/^\d+\.\d+/);
  });

  it('names the commit measured', async () => {
    expect(await readRevision()).toMatch(/^[0-9a-f]{7,}(\+changes)?$/);
  });
});
