import { describe, expect, it } from 'vitest';
import { jobFromCronJob } from './create-job-from-cron-job.ts';
import { cronIngesterManifest } from './cron-ingester.ts';

describe('jobFromCronJob', () => {
  it("keeps the template's own annotations over kubectl's, as kubectl does", () => {
    const cronJob = cronIngesterManifest();
    cronJob.metadata = { ...cronJob.metadata, uid: 'b3f1' };
    const template = cronJob.spec?.jobTemplate ?? {};
    template.metadata = {
      annotations: { 'cronjob.kubernetes.io/instantiate': 'from-template', team: 'cdtn' },
    };
    expect(jobFromCronJob(cronJob, 'cron-ingester-manual').metadata?.annotations).toEqual({
      'cronjob.kubernetes.io/instantiate': 'from-template',
      team: 'cdtn',
    });
  });

  it('refuses a CronJob read without its uid (the owner reference needs it)', () => {
    expect(() => jobFromCronJob(cronIngesterManifest(), 'cron-ingester-manual')).toThrow(
      'k8s: CronJob cron-ingester has no name, uid or job template spec',
    );
  });
});
