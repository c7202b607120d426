// Fiches of the ministry of labour (`page_fiche_ministere_travail`) are indexed twice: the page
// itself (sections keep their html only) and one `fiches_ministere_travail` document per section,
// titled "<fiche prefix> : <section title>", so that search can land on a section.

export interface FicheSection {
  anchor?: string;
  title: string;
  html?: string;
  text?: string;
  description?: string;
  references?: unknown;
}

// Sections that are navigation rather than content are not indexed on their own.
const UNINDEXED_SECTION_TITLES = [
  /L.INFO EN PLUS/i,
  /POUR ALLER PLUS LOIN/i,
  /LIRE EN COMPLÉMENT/i,
  /DOCUMENTS À TÉLÉCHARGER/i,
  /TEXTES DE RÉFÉRENCE/i,
];
const QUESTION_PREFIXES = [
  '5 questions réponses sur ',
  '5 questions sur ',
  '5 questions-réponses sur ',
  '5 questions/réponses sur ',
];

export function isIndexedSection(title: string): boolean {
  return !UNINDEXED_SECTION_TITLES.some((pattern) => pattern.test(title));
}

/** The page document: sections without their plain text copies (the page shows the html). */
export function ficheSectionsForPage(sections: FicheSection[]): Record<string, unknown>[] {
  return sections.map(({ text: _text, description: _description, ...kept }) => kept);
}

/** Title prefix: an upper-case acronym in the single pair of parentheses, else the part before ':'. */
export function fichePrefix(title: string): string {
  const acronym = /\((.+)\)/.exec(title)?.[1] ?? '';
  let prefix = title;
  if (title.split('(').length === 2 && acronym === acronym.toUpperCase()) {
    prefix = acronym + title.slice(title.indexOf(')') + 1);
  } else if (title.includes(':')) {
    prefix = title.split(':')[0] ?? title;
  }
  for (const words of QUESTION_PREFIXES) prefix = prefix.replace(words, '');
  return collapseSpaces(prefix);
}

export function sectionTitle(prefix: string, title: string): string {
  let result = title.replace(/\d\)/, '').replace(/question\s?\d\s?:?\s?/i, '');
  if (result && !result.includes(prefix)) result = `${prefix} : ${result.toLowerCase()}`;
  result = collapseSpaces(result);
  return result.replace(/^\w/, (first) => first.toUpperCase());
}

function collapseSpaces(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
