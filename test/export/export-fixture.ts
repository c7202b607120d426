// A small cdtn-admin database for the exporter's tests: the real schema (applySchema) in a
// throwaway PostgreSQL, the drill admin, and documents of several sources written the way the
// ingester and the admin write them. Tests derive every expected count from this data.
import pg from 'pg';
import type { IngestDocument } from '../../src/ingest/index.ts';
import { applySchema } from '../../src/pg/index.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../src/pg/throwaway-postgres.ts';

export const DRILL_ADMIN_ID = '8babda41-6001-4665-96f5-c430fddb0c53';

export interface ExportFixture extends AsyncDisposable {
  pool: pg.Pool;
  server: ThrowawayPostgres;
}

export async function startExportFixture(): Promise<ExportFixture> {
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ connectionString: server.connectionString, max: 6 });
  pool.on('error', () => undefined); // idle clients cut by the server's shutdown
  const dispose = async () => {
    await pool.end();
    await server.stop();
  };
  try {
    await applySchema(pool);
    await seedExportData(pool);
    return { pool, server, [Symbol.asyncDispose]: dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** A `public.documents` row as the ingester writes it; flags left out are true, `document` is {}. */
type Doc = Omit<IngestDocument, 'metaDescription' | 'isSearchable' | 'document'> & {
  document?: IngestDocument['document'];
  available?: boolean;
  published?: boolean;
};

const fiche = {
  date: '12/03/2024',
  intro: '<p>Le CSE représente le personnel.</p>',
  sections: [
    {
      anchor: 'mise-en-place',
      title: 'Mise en place du comité',
      html: '<p>Dès 11 salariés.</p>',
      text: 'Dès 11 salariés.',
      description: 'Seuil',
    },
    {
      anchor: 'attributions',
      title: 'Question 2 : Quelles attributions ?',
      html: '<p>Consultations.</p>',
      text: 'Consultations.',
      description: 'Rôle',
    },
    {
      anchor: 'references',
      title: 'Textes de référence',
      html: '<p>L2312-1</p>',
      text: 'L2312-1',
      description: 'Textes',
    },
  ],
};

export const DOCUMENTS: Doc[] = [
  {
    cdtnId: 'e08224ce8a',
    initialId: 'LEGIARTI000006901843',
    source: 'code_du_travail',
    title: 'L2312-1',
    slug: 'l2312-1',
    text: 'Les attributions du comité social et économique des entreprises de moins de cinquante salariés.',
  },
  {
    cdtnId: '517701f79f',
    initialId: 'LEGIARTI000017961623',
    source: 'code_du_travail',
    title: 'L1',
    slug: 'l1',
    text: 'Tout projet de réforme envisagé par le Gouvernement qui porte sur les relations individuelles et collectives du travail.',
  },
  {
    cdtnId: '1a2b3c4d5e',
    initialId: 'LEGIARTI000006900803',
    source: 'code_du_travail',
    title: 'L1234-5',
    slug: 'l1234-5',
    text: 'Lorsque le salarié n’exécute pas le préavis, il a droit, sauf faute grave, à une indemnité compensatrice.',
  },
  {
    cdtnId: 'f1c4e0a9b2',
    initialId: 'fiche-cse',
    source: 'page_fiche_ministere_travail',
    title: 'Le comité social et économique (CSE) : attributions',
    slug: 'le-comite-social-et-economique',
    text: 'Le CSE représente le personnel.',
    document: fiche,
  },
  {
    cdtnId: 'aa00bb11cc',
    initialId: 'F2258',
    source: 'fiches_service_public',
    title: 'Congés payés du salarié dans le secteur privé',
    slug: 'conges-payes-du-salarie',
    text: 'Tout salarié a droit chaque année à des congés payés.',
    document: { raw: '{}', url: 'https://www.service-public.fr/particuliers/vosdroits/F2258' },
  },
  {
    cdtnId: 'bb11cc22dd',
    initialId: 'licenciement-economique',
    source: 'information',
    title: 'Licenciement pour motif économique',
    slug: 'licenciement-economique',
    text: 'La procédure de licenciement économique.',
    document: { description: 'Procédure et indemnités', intro: 'Ce qu’il faut savoir.' },
  },
  {
    cdtnId: 'cc22dd33ee',
    initialId: 'theme-1',
    source: 'themes',
    title: 'Embauche et contrat de travail',
    slug: '1-embauche-et-contrat-de-travail',
    text: 'Embauche',
    document: { icon: 'Contract' },
  },
  {
    cdtnId: 'dd33ee44ff',
    initialId: 'theme-11',
    source: 'themes',
    title: 'Représentants du personnel',
    slug: '11-representants-du-personnel',
    text: 'CSE',
    document: {},
  },
  {
    cdtnId: 'ee44ff5500',
    initialId: 'F0000',
    source: 'fiches_service_public',
    title: 'Fiche retirée du catalogue',
    slug: 'fiche-retiree',
    text: 'Indisponible.',
    available: false,
  },
  {
    cdtnId: 'ff55006611',
    initialId: 'outil-preavis',
    source: 'outils',
    title: 'Calculer le préavis de démission',
    slug: 'preavis-demission',
    text: 'Simulateur.',
    published: false,
  },
  // Conventions as the admin maps agreements (num, shortTitle, effectif…); one has a contribution.
  {
    cdtnId: 'fd00002941',
    initialId: '2941',
    source: 'conventions_collectives',
    title: 'Convention collective nationale de la branche de l’aide à domicile',
    slug: '2941-aide-accompagnement-soins-et-services-a-domicile-bad',
    text: 'IDCC 2941: Convention collective nationale de la branche de l’aide à domicile',
    document: {
      num: 2941,
      shortTitle: 'Aide, accompagnement, soins et services à domicile (BAD)',
      effectif: 203690,
      synonymes: ['aide à domicile'],
    },
  },
  {
    cdtnId: 'fd00001596',
    initialId: '1596',
    source: 'conventions_collectives',
    title: 'Convention collective nationale des ouvriers employés par les entreprises du bâtiment',
    slug: '1596-batiment-ouvriers-employes-jusqua-10-salaries',
    text: 'IDCC 1596: Convention collective nationale des ouvriers du bâtiment',
    document: {
      num: 1596,
      shortTitle: 'Bâtiment ouvriers (jusqu’à 10 salariés)',
      effectif: 293340,
      synonymes: [],
    },
  },
  {
    cdtnId: 'fc29410001',
    initialId: '8f5c1e3a-0b6d-4c1e-9a57-2941aaaa0001',
    source: 'contributions',
    title: 'Quelle est la durée du préavis de démission ?',
    slug: '2941-quelle-est-la-duree-du-preavis-de-demission',
    text: 'Réponse pour l’aide à domicile.',
    document: { idcc: '2941', questionIndex: 1, type: 'content' },
  },
];

export async function seedExportData(pool: pg.Pool): Promise<void> {
  await pool.query(
    `INSERT INTO auth.users (id, email, name, role, is_active) VALUES ($1, 'codedutravailnumerique@travail.gouv.fr', 'Drill', 'super', true)`,
    [DRILL_ADMIN_ID],
  );
  for (const doc of DOCUMENTS) {
    await pool.query(
      `INSERT INTO public.documents (cdtn_id, initial_id, title, meta_description, source, slug, text, document, is_available, is_published)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        doc.cdtnId,
        doc.initialId,
        doc.title,
        `${doc.title} : ce qu’il faut savoir`,
        doc.source,
        doc.slug,
        doc.text,
        JSON.stringify(doc.document ?? {}),
        doc.available ?? true,
        doc.published ?? true,
      ],
    );
  }
  await pool.query(
    `INSERT INTO public.document_relations (document_a, document_b, type, data) VALUES
       ('cc22dd33ee', 'dd33ee44ff', 'theme', '{"position": 3}'),
       (NULL, 'cc22dd33ee', 'theme', '{"position": 1}'),
       ('dd33ee44ff', 'f1c4e0a9b2', 'theme-content', '{"position": 0}')`,
  );
  await pool.query(
    `INSERT INTO public.glossary (term, slug, definition, abbreviations) VALUES
       ('Comité social et économique', 'comite-social-et-economique', 'Instance représentative du personnel.', '["CSE"]'),
       ('Préavis', 'preavis', 'Délai entre l’annonce de la rupture et la fin du contrat.', '[]')`,
  );
  await pool.query(
    `INSERT INTO accords.accords (id, title, siret, date_depot, date_fin, themes) VALUES
       ('ACCOTEXT000000000001', 'Accord relatif au télétravail', '12345678900011', current_date - 400, current_date + 365, '["Télétravail"]'),
       ('ACCOTEXT000000000002', 'Accord sur les salaires 2019', '12345678900011', current_date - 2000, current_date - 30, '["Salaires"]')`,
  );
}
