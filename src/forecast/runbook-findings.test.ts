import { describe, expect, it } from 'vitest';
import type { PastRun } from './calibration.ts';
import type { ForecastTable } from './forecast-tasks.ts';
import { buildFindings, judge, VERDICT_FACTOR } from './runbook-findings.ts';

const forecast = (seconds: Record<string, number>): ForecastTable => ({
  model: 'm',
  pastErrors: [],
  tasks: Object.entries(seconds).map(([taskId, value]) => ({
    taskId,
    basis: 'volume',
    seconds: value,
    note: '',
  })),
});
const run = (runId: string, target: string, seconds: Record<string, number>): PastRun => ({
  runId,
  target,
  tasks: Object.entries(seconds).map(([id, actualSeconds]) => ({ id, status: 'passed', actualSeconds })),
});

describe('judge', () => {
  it(`flags an estimate the forecast exceeds by more than ${VERDICT_FACTOR}× as too short, with the factor`, () => {
    expect(judge(300, 1_200)).toEqual({ verdict: 'too short', factor: 4 });
    expect(judge(3_600, 600)).toEqual({ verdict: 'too long', factor: 6 });
    expect(judge(300, 400)).toEqual({ verdict: 'holds', factor: 400 / 300 });
    expect(judge(300, 300 * VERDICT_FACTOR + 1).verdict).toBe('too short');
    expect(judge(300, undefined)).toEqual({ verdict: 'no forecast' });
  });
});

describe('buildFindings', () => {
  const planTasks = [
    { id: 'gt3', label: 'Vérification des services annexes', estimateSeconds: 300 },
    { id: 'tt2', label: 'Restauration du backup', estimateSeconds: 300 },
    { id: 'tt4', label: 'Mise à jour de la preprod', estimateSeconds: 3_600 },
  ];
  const runs = [
    run('c1', 'cluster', { tt2: 1_500, gt3: 20 }),
    run('e1', 'ephemeral', { tt2: 30, tt4: 40 }),
    run('e2', 'ephemeral', { tt2: 25 }),
  ];
  const findings = buildFindings({
    planTasks,
    runs,
    forecast: forecast({ tt2: 1_800, tt4: 2_400 }),
    lint: [{ message: 'the gantt durations add up to 4 h 5 min, the stated total is 3 h 30 min' }],
    warnings: [
      {
        taskId: 'gt3',
        warning: 'gt3: runbook drift: the runbook lists serving-ml as needed; it was removed in June 2024',
      },
      { taskId: 'gt3', warning: 'gt3: matomo answered slowly' },
      { taskId: 'tt3', warning: 'tt3: upstream defect: the ingestion failed midway' },
    ],
  });

  it('gives each task its estimate, last cluster and ephemeral measures, forecast and verdict', () => {
    expect(findings.tasks).toEqual([
      {
        taskId: 'gt3',
        label: 'Vérification des services annexes',
        estimateSeconds: 300,
        lastCluster: { runId: 'c1', seconds: 20 },
        verdict: { verdict: 'no forecast' },
      },
      {
        taskId: 'tt2',
        label: 'Restauration du backup',
        estimateSeconds: 300,
        lastCluster: { runId: 'c1', seconds: 1_500 },
        lastEphemeral: { runId: 'e2', seconds: 25 },
        forecastSeconds: 1_800,
        verdict: { verdict: 'too short', factor: 6 },
      },
      {
        taskId: 'tt4',
        label: 'Mise à jour de la preprod',
        estimateSeconds: 3_600,
        lastEphemeral: { runId: 'e1', seconds: 40 },
        forecastSeconds: 2_400,
        verdict: { verdict: 'holds', factor: 2 / 3 },
      },
    ]);
  });

  it('puts the lint contradictions, the drift warnings and the upstream defects, only those, in the same findings', () => {
    expect(findings.page).toEqual([
      { kind: 'lint', message: 'the gantt durations add up to 4 h 5 min, the stated total is 3 h 30 min' },
      {
        kind: 'drift',
        taskId: 'gt3',
        message: 'the runbook lists serving-ml as needed; it was removed in June 2024',
      },
      { kind: 'upstream', taskId: 'tt3', message: 'the ingestion failed midway' },
    ]);
  });
});
