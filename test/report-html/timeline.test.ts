// The timeline of a run that started its environment, as Chromium shows it in a 1400 px window:
// the plan on its axis, the run on its own, the steps before the first task and the rest of the
// wall time as rows of their own. A hand-made report: every expected figure is worked out here.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html/index.ts';
import type { DrillRunRecord, TaskRecord } from '../../src/report/index.ts';
import { loadPlan } from '../../src/runbook/index.ts';
import { ROOT } from '../run/run-cli.ts';
import { openInChromium, type OpenedPage } from './open-in-chromium.ts';
import { RUNBOOK } from './two-runs.ts';

const task = (
  id: string,
  label: string,
  section: string,
  actualSeconds: number,
  estimateSeconds = 60,
): TaskRecord => ({
  ...{ id, label, section, actualSeconds, estimateSeconds, status: 'passed', assertions: 0 },
  ...{ skippedAssertions: [], failures: [], warnings: [], measures: [] },
});

// 40 + 90 s before the first task, 20 + 1 + 30 + 10 = 61 s of tasks, 9 s more: 200 s of wall time.
const record: DrillRunRecord = {
  report: {
    ...{ runId: 'timeline-test', target: 'ephemeral', runbook: { path: RUNBOOK, budgetSeconds: 180 } },
    ...{ startedAt: '2026-11-30T10:00:00.000Z', finishedAt: '2026-11-30T10:03:20.000Z' },
    ...{ totalSeconds: 61, criticalPathSeconds: 60, verdict: 'passed', lint: [], wallSeconds: 200 },
    setup: [
      { name: 'environment start', seconds: 40 },
      { name: 'backup fixture', seconds: 90 },
    ],
    tasks: [
      task('b1', 'Préparer le terrain', 'Préparation', 20),
      task('a1', 'Vérifier les accès', 'Préparation', 1, 0.1),
      task('c1', 'Restaurer', 'Reprise', 30),
      task('d1', 'Contrôler', 'Reprise', 10),
    ],
  },
  assertions: [],
};

let opened: OpenedPage;
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cdtn-drill-timeline-'));
  const page = join(scratch, 'index.html');
  const plan = await loadPlan(join(ROOT, RUNBOOK));
  await writeFile(page, renderReportHtml({ record, plan, earlierRuns: [] }));
  opened = await openInChromium(pathToFileURL(page).href);
  await opened.page.setViewportSize({ width: 1400, height: 900 });
});
afterAll(async () => {
  await opened?.[Symbol.asyncDispose]();
  await rm(scratch, { recursive: true, force: true });
});

/** A bar's left edge and width in the SVG's own pixels (the run's axis: 520 px from x = 700). */
async function bar(selector: string): Promise<{ x: number; width: number }> {
  const svg = await opened.page.locator('svg.timeline').boundingBox();
  const box = await opened.page.locator(`svg.timeline ${selector}`).boundingBox();
  if (!svg || !box) throw new Error(`${selector}: not rendered`);
  return { x: box.x - svg.x, width: box.width };
}

describe('the timeline of a run with an environment, at 1400 px', () => {
  it('accounts for the wall time: steps before the first task, tasks, the rest', async () => {
    expect(await opened.page.locator('[data-role="wall"]').textContent()).toBe(
      'Wall time 3 min 20 s: before the first task 2 min 10 s (environment start 40.0 s, backup fixture 1 min 30 s), tasks 1 min 1 s, between and after the tasks 9.0 s.',
    );
    expect(await opened.page.locator('[data-role="run-axis"]').textContent()).toBe(
      'This run: wall time 3 min 20 s',
    );
    const screenshot = join(ROOT, 'reports', 'screenshots', 'report-with-setup-1400px.png');
    await mkdir(dirname(screenshot), { recursive: true });
    await opened.page.screenshot({ path: screenshot, fullPage: true });
  });

  it('draws each step on the run axis where and as long as it took', async () => {
    // 520 px for 200 s: 2.6 px a second.
    const environment = await bar('[data-outside="environment start"] [data-role="setup"]');
    expect(environment.x).toBeCloseTo(700, 0);
    expect(environment.width).toBeCloseTo(104, 0);
    const fixture = await bar('[data-outside="backup fixture"] [data-role="setup"]');
    expect(fixture.x).toBeCloseTo(804, 0);
    expect(fixture.width).toBeCloseTo(234, 0);
    const b1 = await bar('g[data-task="b1"] [data-role="actual"]');
    expect(b1.x).toBeCloseTo(1038, 0);
    expect(b1.width).toBeCloseTo(52, 0);
    const rest = await bar('[data-role="other"]');
    expect(rest.x).toBeCloseTo(1196.6, 0);
    expect(rest.width).toBeCloseTo(23.4, 0);
  });

  it('keeps the plan on its own axis: 400 px for the 3 min of the plan', async () => {
    const planned = await bar('g[data-task="c1"] [data-role="planned"]');
    // c1 starts after b1 (1 min) and lasts 1 min: 133.3 px from x = 260.
    expect(planned.x).toBeCloseTo(393.3, 0);
    expect(planned.width).toBeCloseTo(133.3, 0);
  });
});
