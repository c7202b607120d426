// End to end: two CLI runs (two-runs.ts: the first passes, the second has c1 failing and b1
// slow), then what people read is read back: index.html in Chromium, history.jsonl and
// `cdtn-drill history`, evidence.tar.gz, the webhook notification and the live progress lines.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, type HistoryEntry } from '../../src/report/history/index.ts';
import { ROOT, runCli } from '../run/run-cli.ts';
import { openInChromium } from './open-in-chromium.ts';
import { RUNBOOK, runTwice, TOKEN, type TwoRuns } from './two-runs.ts';

let two: TwoRuns;
beforeAll(async () => {
  two = await runTwice();
}, 120_000);
afterAll(() => two?.[Symbol.asyncDispose]());

const [first, second] = [() => two.runs[0], () => two.runs[1]];

describe('index.html, rendered in Chromium', () => {
  let opened: Awaited<ReturnType<typeof openInChromium>>;
  beforeAll(async () => {
    opened = await openInChromium(pathToFileURL(join(second().dir, 'index.html')).href);
  });
  afterAll(() => opened?.[Symbol.asyncDispose]());

  it('shows one planned and one actual bar per task, the verdict, no console error, nothing fetched', async () => {
    const { report } = second();
    const { page } = opened;
    for (const task of report.tasks) {
      for (const role of ['planned', 'actual']) {
        const bars = page.locator(`svg.timeline g[data-task="${task.id}"] [data-role="${role}"]`);
        expect(await bars.count(), `${task.id} ${role} bars`).toBe(1);
        expect((await bars.boundingBox())?.width ?? 0, `${task.id} ${role} bar width`).toBeGreaterThan(0);
      }
    }
    expect(await page.locator('svg.timeline g[data-task] [data-role]').count()).toBe(2 * report.tasks.length);
    expect(await page.locator('[data-role="verdict"]').textContent()).toBe(report.verdict);
    // An ephemeral run says how much faster than the plan it went.
    expect(report.target).toBe('ephemeral');
    expect(await page.locator('section.budget .compression').textContent()).toMatch(
      /^Compression against the plan: ×/,
    );
    expect(report.verdict).toBe('failed');
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.outsideRequests).toEqual([]);
    // Kept for people to look at (reports/ is not committed): the page as a 1400 px window shows it.
    await page.setViewportSize({ width: 1400, height: 900 });
    const screenshot = join(ROOT, 'reports', 'screenshots', 'report-1400px.png');
    await mkdir(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect((await readFile(screenshot)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows the run on its own axis: its wall time, with what the tasks did not take', async () => {
    const { report } = second();
    const wall = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
    expect(report.wallSeconds).toBeCloseTo(wall, 2);
    expect(wall).toBeGreaterThan(report.totalSeconds);
    const { page } = opened;
    expect(await page.locator('svg.timeline [data-role="run-axis"]').textContent()).toBe(
      `This run: wall time ${formatDuration(report.wallSeconds!)}`,
    );
    const other = page.locator('svg.timeline [data-role="other"]');
    expect(await other.count()).toBe(1);
    expect(await page.locator('[data-role="wall"]').textContent()).toContain(
      `tasks ${formatDuration(report.totalSeconds)}, between and after the tasks ${formatDuration(report.wallSeconds! - report.totalSeconds)}`,
    );
    // The tasks and the rest fill the run's axis: their bars together span its width.
    const widths = await Promise.all(
      [
        ...report.tasks.map((task) => `g[data-task="${task.id}"] [data-role="actual"]`),
        '[data-role="other"]',
      ].map(async (selector) => (await page.locator(`svg.timeline ${selector}`).boundingBox())?.width ?? 0),
    );
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(520, -1);
  });

  it('marks overruns red and the critical path', async () => {
    const { report } = second();
    const overruns = report.tasks.filter(
      (t) => t.status !== 'skipped' && t.actualSeconds > t.estimateSeconds,
    );
    expect(overruns.map((t) => t.id)).toContain('a1');
    const drift = (await opened.page.locator('section.lint li').allTextContents()).filter((line) =>
      line.startsWith('drift '),
    );
    expect(drift.map((line) => line.split(/[ :]/)[1])).toEqual(overruns.map((t) => t.id));
    for (const task of report.tasks) {
      const actual = opened.page.locator(`g[data-task="${task.id}"] [data-role="actual"]`);
      // Runs in the page; the tests' TypeScript setup has no DOM library.
      const fill = await actual.evaluate(
        (element) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(
            element,
          ).fill,
      );
      expect([task.id, fill === 'rgb(217, 48, 37)']).toEqual([task.id, overruns.includes(task)]);
      const planned = opened.page.locator(`g[data-task="${task.id}"] [data-role="planned"]`);
      expect([task.id, (await planned.getAttribute('class'))?.includes('critical')]).toEqual([
        task.id,
        two.plan.criticalPath.includes(task.id),
      ]);
    }
  });

  it('shows labels as text, escaped, and each task with its assertions, failures and warnings', async () => {
    const { dir, report } = second();
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).not.toContain('<les>');
    for (const task of report.tasks) {
      const detail = opened.page.locator(`#task-${task.id}`);
      const text = (await detail.textContent()) ?? '';
      expect(text).toContain(`${task.id} — ${task.label}`);
      expect(await detail.locator('li.assertion').count()).toBe(task.assertions);
      for (const warning of task.warnings) expect(text).toContain(warning);
      for (const failure of task.failures) expect(text).toContain(failure.message.split(': ').at(-1));
      if (task.skipReason !== undefined) expect(text).toContain(task.skipReason);
    }
  });

  it('flags the tasks slower than 1.5× their median over the earlier runs, and shows the versions', async () => {
    const { report } = second();
    const before = new Map(first().report.tasks.map((task) => [task.id, task]));
    // One earlier run: its duration is the median.
    const slow = report.tasks
      .filter((task) => {
        const earlier = before.get(task.id);
        return (
          task.status === 'passed' &&
          earlier?.status === 'passed' &&
          task.actualSeconds > 1.5 * earlier.actualSeconds
        );
      })
      .map((task) => task.id);
    expect(slow).toContain('b1');
    const flagged = await opened.page
      .locator('table.medians tr.slow')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-task')));
    expect(flagged).toEqual(slow);
    expect(await opened.page.locator('svg.totals circle.run').count()).toBe(two.runs.length);
    // The commit the run was made from: HEAD's or one before it (the checkout may move on meanwhile).
    const commit = /^[0-9a-f]{40}\b/.exec(report.versions?.['harness commit'] ?? '')?.[0] ?? 'none';
    expect(() =>
      execFileSync('git', ['merge-base', '--is-ancestor', commit, 'HEAD'], { cwd: ROOT, stdio: 'ignore' }),
    ).not.toThrow();
    const versions = (await opened.page.locator('section.versions').textContent()) ?? '';
    expect(versions).toContain(commit);
    // Recorded by the b1 fixture drill with recordVersion().
    expect(report.versions?.['fixture data package']).toBe('1.2.3');
    expect(versions).toContain('fixture data package1.2.3');
  });
});

describe('history', () => {
  it('appends one line per run to history.jsonl, with the report figures', async () => {
    const lines = (await readFile(join(two.reportsDir, 'history.jsonl'), 'utf8')).trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as HistoryEntry);
    expect(entries.map((entry) => entry.runId)).toEqual(two.runs.map(({ report }) => report.runId));
    for (const [i, { budgetSeconds, ...figures }] of entries.entries()) {
      // The fields a later run compares with (the file's format), each read back from the run's report.
      expect(Object.keys(figures).sort()).toEqual([
        'runId',
        'startedAt',
        'target',
        'tasks',
        'totalSeconds',
        'verdict',
      ]);
      for (const task of figures.tasks)
        expect(Object.keys(task).sort()).toEqual(['actualSeconds', 'id', 'status']);
      expect(two.runs[i]?.report).toMatchObject({ ...figures, runbook: { budgetSeconds } });
    }
  });

  it('`cdtn-drill history` prints the recent runs newest first, with verdict, total against budget, slowest tasks', async () => {
    const json = await runCli(['history', '--reports', two.reportsDir, '--json']);
    expect(json.code).toBe(0);
    expect(
      json.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { runId: string }).runId),
    ).toEqual(two.runs.map(({ report }) => report.runId).reverse());
    const text = await runCli(['history', '--reports', two.reportsDir, '--limit', '1']);
    const lines = text.stdout.trim().split('\n');
    const { report } = second();
    const slowest = [...report.tasks]
      .filter((t) => t.status !== 'skipped')
      .sort((a, b) => b.actualSeconds - a.actualSeconds)[0];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(report.runId);
    expect(lines[0]).toContain(report.verdict);
    expect(lines[0]).toContain('of 3 min');
    expect(lines[0]).toContain(`slowest: ${slowest?.id} `);
  });

  it('refuses a --limit that is not a positive whole number, naming the option', async () => {
    const refused = await runCli(['history', '--reports', two.reportsDir, '--limit', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--limit: expected a positive whole number, received "0"');
  });
});

describe('evidence.tar.gz', () => {
  it('holds the runbook, the reports, the manifest, the redacted logs and the versions, each in SHA256SUMS', async () => {
    const { dir, report } = second();
    const out = await mkdtemp(join(two.scratch, 'bundle-'));
    await extract({ file: join(dir, 'evidence.tar.gz'), cwd: out });
    const files = (await readdir(out, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(out, join(entry.parentPath, entry.name)))
      .sort();
    const sums = (await readFile(join(out, 'SHA256SUMS'), 'utf8')).trim().split('\n');
    const listed = await Promise.all(
      sums.map(async (line) => {
        const [digest, path] = line.split('  ') as [string, string];
        const actual = createHash('sha256')
          .update(await readFile(join(out, path)))
          .digest('hex');
        return { path, matches: actual === digest };
      }),
    );
    expect(listed.every((entry) => entry.matches)).toBe(true);
    expect([...listed.map((entry) => entry.path), 'SHA256SUMS'].sort()).toEqual(files);
    expect(files).toEqual(
      [
        'SHA256SUMS',
        'logs/drill-output.log',
        'manifest/backup.manifest.json',
        ...['index.html', 'junit.xml', 'report.json', 'report.md'].map((name) => `reports/${name}`),
        'runbook/runbook.md',
        'versions.json',
      ].sort(),
    );
    const same = async (inBundle: string, original: string) =>
      expect(await readFile(join(out, inBundle), 'utf8'), inBundle).toBe(await readFile(original, 'utf8'));
    await same('runbook/runbook.md', join(ROOT, RUNBOOK));
    await same('manifest/backup.manifest.json', two.manifestPath);
    for (const name of ['index.html', 'junit.xml', 'report.json', 'report.md'])
      await same(`reports/${name}`, join(dir, name));
    expect(JSON.parse(await readFile(join(out, 'versions.json'), 'utf8'))).toEqual(report.versions);
    const log = await readFile(join(out, 'logs/drill-output.log'), 'utf8');
    expect(log).toContain('b1 stdout b1 connects with token ***');
    expect(log).not.toContain(TOKEN);
    expect(await readFile(join(dir, 'drill-output.log'), 'utf8')).not.toContain(TOKEN);
    expect(await readFile(join(dir, 'report.json'), 'utf8')).not.toContain(TOKEN);
  });

  it('is copied to latest/ with the reports', async () => {
    const bundle = await readFile(join(second().dir, 'evidence.tar.gz'));
    expect((await readFile(join(two.reportsDir, 'latest', 'evidence.tar.gz'))).equals(bundle)).toBe(true);
  });
});

describe('notification', () => {
  it('sends the verdict, the total against the budget and the failed tasks to the webhook', () => {
    const { report } = second();
    const delivered = two.receiver.received.at(-1);
    expect(two.receiver.received).toHaveLength(two.runs.length);
    expect(delivered?.path).toBe(`/hooks/${two.receiver.key}`);
    expect(delivered?.contentType).toBe('application/json');
    const { text } = delivered?.body as { text: string };
    expect(text).toContain(`**${report.verdict}**`);
    expect(text).toContain('of a 3 min budget');
    const failed = report.tasks.filter((task) => task.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const task of failed) expect(text).toContain(`${task.id} — ${task.label}`);
    expect(second().cli.stdout).toContain('notification sent to ');
  });

  it('reports a failed notification in one line without failing the drill or printing the key', () => {
    const { cli, report } = first();
    expect(report.verdict).toBe('passed');
    expect(cli.code).toBe(0);
    const lines = (cli.stdout + cli.stderr).split('\n').filter((line) => line.startsWith('notification'));
    expect(lines).toEqual([
      expect.stringMatching(/^notification not sent to .*: expected a 2xx answer, received 503;/),
    ]);
    expect(cli.stdout + cli.stderr).not.toContain(two.receiver.key);
  });
});

describe('live progress', () => {
  it('prints, off a terminal, one line when each task starts and one when it ends, in plan order', () => {
    const { cli, report } = second();
    const lines = cli.stderr.split('\n');
    const started = lines.filter((line) => line.startsWith('▶ ')).map((line) => line.split(' ')[2]);
    const ended = lines
      .filter((line) => /^[✓✗–] /.test(line))
      .map((line) => line.split(' ').slice(0, 4).join(' ').replace(/:$/, ''));
    expect(started).toEqual(report.tasks.map((task) => task.id));
    const mark = { passed: '✓', failed: '✗', skipped: '–' } as const;
    expect(ended).toEqual(
      report.tasks.map(
        (task, index) =>
          `${mark[task.status]} [${index + 1}/${report.tasks.length}] ${task.id} ${task.status}`,
      ),
    );
    expect(cli.stderr).not.toContain('\r');
  });
});
