import { describe, expect, it } from 'vitest';
import { backupVersionName, reingestedMeasureName } from '../drill/record-evidence.ts';
import { measureRecoveryObjectives } from './recovery-objectives.ts';
import type { TaskRecord } from './report-record.ts';

function task(id: string, span: [string, string] | undefined, extra: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id,
    label: id,
    section: 's',
    estimateSeconds: 60,
    actualSeconds: 1,
    ...(span === undefined ? {} : { startedAt: span[0], endedAt: span[1] }),
    status: 'passed',
    assertions: 1,
    skippedAssertions: [],
    failures: [],
    warnings: [],
    measures: [],
    ...extra,
  };
}

const LEGI = '@socialgouv/legi-data';

describe('measureRecoveryObjectives', () => {
  const tasks = [
    task('gt1', ['2026-11-30T06:00:10.000Z', '2026-11-30T06:00:12.000Z']),
    task('tt2', ['2026-11-30T06:00:12.000Z', '2026-11-30T06:00:40.000Z'], {
      measures: [{ name: 'rpo', value: 3600, unit: 's' }],
    }),
    task('tt3', ['2026-11-30T06:00:40.000Z', '2026-11-30T06:01:00.000Z'], {
      measures: [{ name: reingestedMeasureName(LEGI), value: 11_545, unit: 'documents' }],
    }),
    task('tp1', ['2026-11-30T06:01:00.000Z', '2026-11-30T06:02:05.500Z']),
  ];
  const versions = { [LEGI]: '2.513.0', [backupVersionName(LEGI)]: '2.512.0' };

  it('measures the RTO from the first task start to the end task, the setup apart', () => {
    const setup = [
      { name: 'environment start', seconds: 12 },
      { name: 'backup fixture', seconds: 30 },
    ];
    const { rto } = measureRecoveryObjectives({ tasks, endTaskId: 'tp1', setup, versions });
    expect(rto).toEqual({ seconds: 115.5, fromTaskId: 'gt1', toTaskId: 'tp1', outside: setup });
  });

  it('gives no RTO, with the reason, when the end task did not pass or did not run', () => {
    const failed = tasks.map((t) => (t.id === 'tp1' ? { ...t, status: 'failed' as const } : t));
    expect(
      measureRecoveryObjectives({ tasks: failed, endTaskId: 'tp1', setup: undefined, versions }).rto,
    ).toEqual({ toTaskId: 'tp1', reason: 'tp1 did not pass: the service was not shown back' });
    expect(
      measureRecoveryObjectives({ tasks: tasks.slice(0, 2), endTaskId: 'tp1', setup: undefined, versions })
        .rto.reason,
    ).toBe('tp1 was not selected in this run');
  });

  it('reads the RPO: backup age and the packages the ingestion brought back, with their versions', () => {
    expect(measureRecoveryObjectives({ tasks, endTaskId: 'tp1', setup: undefined, versions }).rpo).toEqual({
      backupAgeSeconds: 3600,
      reingested: [{ package: LEGI, fromVersion: '2.512.0', toVersion: '2.513.0', documents: 11_545 }],
    });
  });
});
