// @socialgouv/fiches-travail-data → one `page_fiche_ministere_travail` document per fiche.
import slugify from '@socialgouv/cdtn-slugify';
import type { IngestDocument, PackageReader } from './package-reader.ts';
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

export const fichesTravailReader: PackageReader = {
  packageName: '@socialgouv/fiches-travail-data',
  source: SOURCE,
  updatesSlug: false,
  updatesPackageVersion: true,
  needs: [],
  select: (filePath) => filePath === FICHES_TRAVAIL_FILE,
  read(files, { generateCdtnId }) {
    const fiches = parseJsonFile<FicheTravail[]>(this.packageName, files, FICHES_TRAVAIL_FILE);
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
          // CDTN keeps only code du travail references (it resolves them against legi-data)
          sections: sections.map(({ references, ...section }) => ({
            ...section,
            references: references[CODE_DU_TRAVAIL_ID]?.articles ?? [],
          })),
        },
      }),
    );
    return {
      documents,
      notes: ['section references are kept as given by the package, not resolved against legi-data'],
    };
  },
};
