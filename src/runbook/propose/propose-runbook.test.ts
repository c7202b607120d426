import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNBOOK_PATH, parseRunbook } from '../index.ts';
import { proposeRunbook } from './propose-runbook.ts';
import { unifiedDiff } from './unified-diff.ts';

const original = await readFile(DEFAULT_RUNBOOK_PATH, 'utf8');
// tt2 takes 20 min 34 s, tt4 and tt5 1 h 6 min 40 s on production; the rest has no forecast.
const forecast = new Map([
  ['tt2', 1_234],
  ['tt4', 4_000],
  ['tt5', 4_000],
]);
const proposal = proposeRunbook(original, DEFAULT_RUNBOOK_PATH, forecast);
const before = parseRunbook(original, DEFAULT_RUNBOOK_PATH);
const after = parseRunbook(proposal.text, 'plan-de-reprise.proposed.md');

describe('proposeRunbook on the team runbook', () => {
  it('parses, with every task id, label and dependency kept', () => {
    const shape = (plan: typeof before) =>
      plan.tasks.map(({ id, label, section, dependsOn }) => ({ id, label, section, dependsOn }));
    expect(shape(after)).toEqual(shape(before));
  });

  it('takes the forecast rounded up as the runbook rounds, the text where the gantt contradicted it', () => {
    const estimates = Object.fromEntries(after.tasks.map((task) => [task.id, task.estimateSeconds]));
    // 1 234 s → 21 min; 4 000 s → 1 h 15 min (quarter hours past an hour); gt1 5 min as its text says.
    expect(estimates).toEqual({
      gt1: 300,
      gt2: 300,
      gt3: 300,
      gt4: 300,
      tt1: 1_200,
      tt2: 1_260,
      tt3: 360,
      tt4: 4_500,
      tt5: 4_500,
      tp1: 1_200,
    });
    expect(proposal.text).toContain('Restauration du backup : tt2, after tt1, 21m');
    expect(proposal.text).toContain('Mise à jour de la prod : tt5, after tt4, 75m');
    // Gantt, text and total now agree: the lint finds no contradiction left.
    expect(before.lint.map((finding) => finding.rule)).toContain('estimate-mismatch');
    expect(after.lint).toEqual([]);
    expect(after.budgetSeconds).toBe(4 * 300 + 1_200 + 1_260 + 360 + 2 * 4_500 + 1_200);
  });

  it('rewrites the drift items: npm, serving-ml removed, the new recherche-entreprises host, S3 and Mattermost', () => {
    expect(original).toContain('serving-ml');
    expect(proposal.text).not.toContain('serving-ml');
    expect(proposal.text).not.toContain('api.recherche-entreprises.fabrique.social.gouv.fr');
    expect(proposal.text).toContain('https://recherche-entreprises.api.gouv.fr');
    expect(proposal.text).toContain('https://cdtn-prod-public.s3.gra.io.cloud.ovh.net');
    expect(proposal.text).toContain('MATTERMOST_WEBHOOK');
    expect(proposal.text).toContain("L'ingester va chercher sur le registre npm");
    expect(proposal.notFound).toEqual([]);
  });

  it('changes only durations and drift items', () => {
    const changed = unifiedDiff(original, proposal.text, 'a', 'b')
      .split('\n')
      .filter((line) => /^[-+](?![-+]{2} )/.test(line))
      .map((line) => line.slice(1));
    const isDuration = (line: string) =>
      /^Estimation (total )?du temps : /.test(line) ||
      before.tasks.some((task) => line.startsWith(`${task.label} : `) && line.includes(` ${task.id}, `));
    const isDrift = (line: string) =>
      /données juridiques|serving-ml|recherche-entreprises|npm|alert-cli|GitHub|github\.com\/SocialGouv|S3|s3\.gra|Mattermost|erreurs, répond|chaque paquet/.test(
        line,
      ) || line.trim() === 'sémantique du moteur de recherche).';
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((line) => !isDuration(line) && !isDrift(line))).toEqual([]);
  });

  it('leaves a page without forecast, contradiction or drift as it is', () => {
    const clean = proposeRunbook(proposal.text, 'proposed.md', new Map());
    expect(clean.text).toBe(proposal.text);
    expect(clean.changes).toEqual([]);
  });
});

describe('unifiedDiff', () => {
  it('is a patch that turns the original into the proposal, as patch(1) applies it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-diff-'));
    try {
      const file = join(dir, 'plan.md');
      await writeFile(file, original);
      await writeFile(join(dir, 'plan.diff'), unifiedDiff(original, proposal.text, 'plan.md', 'plan.md'));
      execFileSync('patch', ['--quiet', file, join(dir, 'plan.diff')]);
      expect(await readFile(file, 'utf8')).toBe(proposal.text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'x', 'y')).toBe('');
  });
});
