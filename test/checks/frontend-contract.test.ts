// tp1's frontend contract on a real engine with CDTN's mapping: documents shaped from PostgreSQL
// rows by the reference exporter, behind aliases named like the prod ones.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckError,
  checkIdcc,
  checkLaborCodeArticle,
  checkPresearch,
  checkSuggest,
  readPublishedArticleId,
  readPublishedIdccs,
  type FrontendContractTarget,
} from '../../src/checks/index.ts';
import { toSearchDocument, type DocumentRow } from '../../src/export/search-document.ts';
import { pollUntil } from '../../src/env/index.ts';
import {
  applySchema,
  startThrowawayPostgres,
  withClient,
  type ThrowawayPostgres,
} from '../../src/pg/index.ts';
import { cdtnIndexDefinitions } from '../../src/search/index.ts';
import { startTestSearchEngine, type TestSearchEngine } from '../search/index.ts';

const row = (
  values: Partial<DocumentRow> & Pick<DocumentRow, 'cdtn_id' | 'source' | 'slug' | 'title'>,
): DocumentRow => ({
  initial_id: values.cdtn_id,
  text: values.title,
  meta_description: '',
  is_published: true,
  is_searchable: true,
  document: {},
  ...values,
});

const ROWS: Array<DocumentRow & { is_available: boolean }> = [
  {
    ...row({
      cdtn_id: 'e08224ce8a',
      initial_id: 'LEGIARTI000006901843',
      source: 'code_du_travail',
      slug: 'l2312-1',
      title: 'L2312-1',
      text: "Les attributions du comité social et économique des entreprises d'au moins onze salariés sont définies par la section 2.",
    }),
    is_available: true,
  },
  {
    ...row({
      cdtn_id: '517701f79f',
      source: 'code_du_travail',
      slug: 'l1',
      title: 'L1',
      is_published: false,
    }),
    is_available: true,
  },
  {
    ...row({
      cdtn_id: 'c0ffee1596',
      source: 'conventions_collectives',
      slug: '1596-batiment-ouvriers',
      title: 'Convention collective nationale des ouvriers du bâtiment (jusqu’à 10 salariés)',
      document: {
        num: 1596,
        shortTitle: 'Bâtiment (ouvriers jusqu’à 10 salariés)',
        effectif: 142000,
        contributions: true,
      },
    }),
    is_available: true,
  },
  {
    ...row({
      cdtn_id: 'c0ffee2941',
      source: 'conventions_collectives',
      slug: '2941-aide-a-domicile',
      title:
        'Convention collective de la branche de l’aide, de l’accompagnement, des soins et des services à domicile',
      document: {
        num: 2941,
        shortTitle: 'Aide, accompagnement, soins et services à domicile (BAD)',
        effectif: 230000,
        contributions: true,
      },
    }),
    is_available: true,
  },
  {
    ...row({ cdtn_id: 'a1b2c3d4e5', source: 'themes', slug: 'licenciement', title: 'Licenciement' }),
    is_available: true,
  },
  {
    ...row({
      cdtn_id: 'f1f2f3f4f5',
      source: 'fiches_ministere_travail',
      slug: 'licenciement-pour-motif-personnel',
      title: 'Licenciement pour motif personnel',
      text: 'Le licenciement pour motif personnel doit reposer sur une cause réelle et sérieuse.',
    }),
    is_available: true,
  },
];
const SUGGESTIONS = [
  { title: 'congés payés', ranking: 1000 },
  { title: 'contrat de travail', ranking: 500 },
  { title: 'démission', ranking: 100 },
];

describe('frontend contract (tp1)', () => {
  const prefix = `cdtn-checks-${process.pid}-v2`;
  let test: TestSearchEngine;
  let postgres: ThrowawayPostgres;
  let pool: pg.Pool;
  let target: FrontendContractTarget;

  beforeAll(async () => {
    [test, postgres] = await Promise.all([startTestSearchEngine(), startThrowawayPostgres()]);
    pool = new pg.Pool({ connectionString: postgres.connectionString });
    await applySchema(pool);
    for (const r of ROWS) {
      await pool.query(
        `INSERT INTO documents (cdtn_id, initial_id, title, meta_description, source, slug, text, document, is_published, is_searchable, is_available)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          r.cdtn_id,
          r.initial_id,
          r.title,
          r.meta_description,
          r.source,
          r.slug,
          r.text,
          r.document,
          r.is_published,
          r.is_searchable,
          r.is_available,
        ],
      );
    }
    const definitions = cdtnIndexDefinitions();
    const documents = `${prefix}_documents-1`;
    const suggestions = `${prefix}_suggestions-1`;
    await test.engine.createIndex(documents, definitions.documents);
    await test.engine.createIndex(suggestions, definitions.suggestions);
    const shaped = ROWS.map((r) => ({ id: r.cdtn_id, body: toSearchDocument(r, () => []) }));
    await test.engine.bulkIndex(documents, shaped, { refresh: true });
    await test.engine.bulkIndex(
      suggestions,
      SUGGESTIONS.map((body, i) => ({ id: String(i), body })),
      { refresh: true },
    );
    await test.engine.updateAliases([
      { add: { index: documents, alias: `${prefix}_documents` } },
      { add: { index: suggestions, alias: `${prefix}_suggestions` } },
    ]);
    target = { search: test.engine, aliasPrefix: prefix };
  });

  afterAll(async () => {
    for (const index of (await test?.engine.listIndices(`${prefix}_*`)) ?? [])
      await test.engine.deleteIndex(index);
    await test?.[Symbol.asyncDispose]();
    await pool?.end();
    // pg's Pool.end() resolves before its connections have closed: let them close before the
    // server stops, or their "terminating connection" errors surface as unhandled.
    await pollUntil(
      () =>
        withClient(postgres.connectionString, async (client) => {
          const { rows } = await client.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          );
          if (rows[0]?.n !== 0) throw new Error(`${rows[0]?.n} connections still open`);
        }),
      { timeoutMs: 5_000, onTimeout: (last) => new Error('connections did not close', { cause: last }) },
    );
    await postgres?.stop();
  });

  it('reads from PostgreSQL what the pages must find', async () => {
    expect(await readPublishedArticleId(pool, 'l2312-1')).toBe('e08224ce8a');
    expect(await readPublishedArticleId(pool, 'l1')).toBeUndefined();
    expect(await readPublishedIdccs(pool)).toEqual([1596, 2941]);
  });

  it('presearch and suggest answer from the aliases', async () => {
    expect(await checkPresearch(target, 'licenciement')).toBeGreaterThan(0);
    expect(await checkSuggest(target, 'con')).toEqual(
      expect.arrayContaining(['congés payés', 'contrat de travail']),
    );
  });

  it('the idcc search puts the asked convention first', async () => {
    await checkIdcc(target, 1596);
    await checkIdcc(target, 2941);
  });

  it('the page /code-du-travail/l2312-1 finds the document PostgreSQL publishes', async () => {
    await checkLaborCodeArticle(target, 'l2312-1', 'e08224ce8a');
  });

  it('names the task and the alias when the alias does not exist (no export yet)', async () => {
    const missing = { search: test.engine, aliasPrefix: `cdtn-checks-${process.pid}-missing` };
    const error = await checkPresearch(missing, 'licenciement').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^tp1: presearch "licenciement" on ${missing.aliasPrefix}_documents: expected an answer from ${missing.aliasPrefix}_documents, found .*no such index`,
      ),
    );
  });

  it('names the alias, the query and what was expected when the data is not there', async () => {
    const cases: Array<[() => Promise<unknown>, string]> = [
      [
        () => checkPresearch(target, 'zzqxw'),
        `tp1: presearch "zzqxw" on ${prefix}_documents: expected at least one theme or full-text result, found none`,
      ],
      [
        () => checkSuggest(target, 'xqz'),
        `tp1: suggest "xqz" on ${prefix}_suggestions: expected at least one suggestion, found none`,
      ],
      [
        () => checkIdcc(target, 9999),
        `tp1: idcc "9999" on ${prefix}_documents: expected convention 9999 first, found`,
      ],
      [
        () => checkLaborCodeArticle(target, 'l1', '517701f79f'),
        `tp1: page /code-du-travail/l1 (source code_du_travail, alias ${prefix}_documents): expected document 517701f79f, found no published document`,
      ],
    ];
    for (const [check, message] of cases) {
      const error = await check().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CheckError);
      expect((error as Error).message.startsWith(message), (error as Error).message).toBe(true);
    }
  });
});
