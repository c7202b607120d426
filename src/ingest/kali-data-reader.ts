// @socialgouv/kali-data → no documents; `kali_articles` rows for the agreements CDTN supports
// (`agreement.agreements.is_supported`), each article with its path of section titles.
import type { KaliArticleRow, PackageReader } from './package-reader.ts';
import { parseJsonFile } from './package-reader.ts';

const KALI_ARTICLES_INDEX_FILE = 'data/articles/index.json';

interface IndexedArticle {
  agreementId: string;
  articleCid: string;
  path: string[];
}

interface KaliNode {
  type: string;
  data?: { id?: string; cid?: string };
  children?: KaliNode[];
}

const agreementFile = (kaliId: string) => `data/${kaliId}.json`;

function collectArticleData(root: KaliNode): Array<{ id: string; cid: string }> {
  const found: Array<{ id: string; cid: string }> = [];
  const stack: KaliNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'article' && node.data?.id && node.data.cid)
      found.push({ id: node.data.id, cid: node.data.cid });
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

/** The section an article belongs to: the last path element, or the one before when that is the article. */
function sectionOf(path: string[]): string {
  const last = path.at(-1) ?? '';
  return last.includes('Article') ? (path.at(-2) ?? '') : last;
}

export const kaliDataReader: PackageReader = {
  packageName: '@socialgouv/kali-data',
  updatesSlug: false,
  updatesPackageVersion: false,
  needs: ['supportedAgreements'],
  select(filePath, { supportedAgreements }) {
    return (
      filePath === KALI_ARTICLES_INDEX_FILE ||
      supportedAgreements.some((a) => agreementFile(a.kaliId) === filePath)
    );
  },
  read(files, { supportedAgreements }) {
    const index = parseJsonFile<IndexedArticle[]>(this.packageName, files, KALI_ARTICLES_INDEX_FILE);
    const pathByCid = new Map(index.map((entry) => [`${entry.agreementId}/${entry.articleCid}`, entry.path]));
    const rows = new Map<string, KaliArticleRow>();
    const missingFiles: string[] = [];
    let withoutPath = 0;
    for (const { idcc, kaliId } of supportedAgreements) {
      if (!files.has(agreementFile(kaliId))) {
        missingFiles.push(`${idcc} (${kaliId})`);
        continue;
      }
      const agreement = parseJsonFile<KaliNode>(this.packageName, files, agreementFile(kaliId));
      for (const { id, cid } of collectArticleData(agreement)) {
        const path = pathByCid.get(`${kaliId}/${cid}`);
        if (!path) {
          withoutPath++;
          continue;
        }
        rows.set(id, {
          id,
          cid,
          agreementId: idcc,
          path: path.join(' » '),
          label: path.at(-1) ?? '',
          section: sectionOf(path),
        });
      }
    }
    const notes = [
      'package_version is not updated for kali-data: cdtn-admin never updates that row (quirk reproduced)',
    ];
    if (missingFiles.length > 0)
      notes.push(`supported agreements without a file in the package: ${missingFiles.join(', ')}`);
    if (withoutPath > 0)
      notes.push(`${withoutPath} agreement articles absent from ${KALI_ARTICLES_INDEX_FILE} were skipped`);
    return { documents: [], kaliArticles: [...rows.values()], notes };
  },
};
