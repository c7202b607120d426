// @socialgouv/legi-data → one `code_du_travail` document per article node of the code du travail,
// and the `legi_articles` reference rows (id, cid, label = num).
import slugify from '@socialgouv/cdtn-slugify';
import type { IngestDocument, LegiArticleRow, PackageReader } from './package-reader.ts';
import { parseJsonFile } from './package-reader.ts';

export const CODE_DU_TRAVAIL_FILE = 'data/LEGITEXT000006072050.json';
const SOURCE = 'code_du_travail';

interface ArticleData {
  id: string;
  cid: string;
  num: string;
  dateDebut: string;
  texte: string;
  texteHtml: string;
  nota: string;
  notaHtml: string;
}

interface LegiNode {
  type: string;
  data: ArticleData;
  children?: LegiNode[];
}

function collectArticles(root: LegiNode): ArticleData[] {
  const articles: ArticleData[] = [];
  const stack: LegiNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'article') articles.push(node.data);
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return articles;
}

/**
 * Annex numbers ("Annexe I") repeat across books: CDTN appends an id to make the title unique
 * (the cid for the article's own document, the version id in references to it).
 */
export function articleTitle(num: string, uniqueId: string): string {
  return /^annexe\s/i.test(num) && !num.includes('article') ? `${num} ${uniqueId}` : num;
}

export const legiDataReader: PackageReader = {
  packageName: '@socialgouv/legi-data',
  source: SOURCE,
  updatesSlug: true,
  updatesPackageVersion: true,
  needs: [],
  select: (filePath) => filePath === CODE_DU_TRAVAIL_FILE,
  read(files, { generateCdtnId }) {
    const code = parseJsonFile<LegiNode>(this.packageName, files, CODE_DU_TRAVAIL_FILE);
    const articles = collectArticles(code);
    const documents = articles.map((article): IngestDocument => {
      const title = articleTitle(article.num, article.cid);
      // cdtn-admin's description: the text cut at the first "…" after 150 characters (else minus its last one)
      const description = article.texte.slice(0, article.texte.indexOf('…', 150));
      return {
        cdtnId: generateCdtnId(SOURCE, article.cid),
        initialId: article.cid,
        source: SOURCE,
        title,
        slug: slugify(title),
        text: `${article.texte}\n${article.nota}`,
        metaDescription: description,
        isSearchable: true,
        document: {
          dateDebut: article.dateDebut,
          description,
          html: article.texteHtml,
          ...(article.nota.length > 0 && { notaHtml: article.notaHtml }),
          url: `https://www.legifrance.gouv.fr/codes/article_lc/${article.id}`,
        },
      };
    });
    const legiArticles = articles.map(({ id, cid, num }): LegiArticleRow => ({ id, cid, label: num }));
    return { documents, legiArticles, notes: [] };
  },
};
