// @socialgouv/fiches-travail-data → one `page_fiche_ministere_travail` document per fiche.
import slugify from '@socialgouv/cdtn-slugify';
import { articleTitle } from './legi-data-reader.ts';
import type { IngestDocument, LegiArticleRow, PackageReader } from './package-reader.ts';
import { parseJsonFile } from './package-reader.ts';

export const FICHES_TRAVAIL_FILE = 'data/fiches-travail.json';
const SOURCE = 'page_fiche_ministere_travail';
const CODE_DU_TRAVAIL_ID = 'LEGITEXT000006072050';

interface FicheSection {
  anchor: string;
  title: string;
  html: string;
  text: string;
  description: string;
  references: Record<string, { articles: Array<{ id: string; cid: string; text: string; fmt: string }> }>;
}

interface FicheTravail {
  pubId: string;
  title: string;
  url: string;
  date: string;
  description: string;
  intro: string;
  sections: FicheSection[];
}

/** A section reference as CDTN stores it: the code du travail article, resolved by its version id. */
function toReference({ id, cid, label }: LegiArticleRow) {
  const title = articleTitle(label, id);
  const url = `https://legifrance.gouv.fr/codes/id/${id}`;
  return { cid, id, slug: slugify(title), title, type: 'code_du_travail', url };
}

export const fichesTravailReader: PackageReader = {
  packageName: '@socialgouv/fiches-travail-data',
  source: SOURCE,
  updatesSlug: false,
  updatesPackageVersion: true,
  needs: ['legiArticles'],
  select: (filePath) => filePath === FICHES_TRAVAIL_FILE,
  read(files, { generateCdtnId, legiArticles }) {
    const fiches = parseJsonFile<FicheTravail[]>(this.packageName, files, FICHES_TRAVAIL_FILE);
    let unresolved = 0;
    // CDTN keeps only code du travail references, those it finds in legi-data (here: legi_articles)
    const resolve = (references: FicheSection['references']) =>
      (references[CODE_DU_TRAVAIL_ID]?.articles ?? []).flatMap(({ id }) => {
        const article = legiArticles.get(id);
        if (!article) unresolved++;
        return article ? [toReference(article)] : [];
      });
    const documents = fiches.map(
      ({ pubId, title, url, date, description, intro, sections }): IngestDocument => ({
        cdtnId: generateCdtnId(SOURCE, pubId),
        initialId: pubId,
        source: SOURCE,
        title,
        slug: slugify(title),
        // the searchable text lives in the sections, exported as separate search documents
        text: '',
        metaDescription: description,
        isSearchable: true,
        document: {
          date,
          description,
          intro,
          url,
          sections: sections.map(({ references, ...section }) => ({
            ...section,
            references: resolve(references),
          })),
        },
      }),
    );
    const notes =
      unresolved > 0
        ? [
            `${unresolved} code du travail references name no current article version (left out, as cdtn-admin does)`,
          ]
        : [];
    return { documents, notes };
  },
};
