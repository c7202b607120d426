// What the ingester reports for each package it was asked about.

export type SkipReason = 'up-to-date' | 'older-than-installed' | 'empty-package';

export interface IngestResult {
  package: string;
  /** `package_version.version` before the run (null: no row). */
  fromVersion: string | null;
  /** The version the registry served (ingested unless skipped). */
  toVersion: string;
  skipped?: SkipReason;
  /** Why it was skipped, in words (e.g. "registry latest 1.35.0 is older than installed 1.199.0: no downgrade"). */
  skippedReason?: string;
  documentsUpserted: number;
  documentsMarkedUnavailable: number;
  legiArticlesUpserted: number;
  kaliArticlesUpserted: number;
  serviceSheetsMarkedUnknown: number;
  /** false for kali-data (cdtn-admin's quirk) and skipped packages. */
  packageVersionUpdated: boolean;
  durationMs: number;
  /** Documents upserted per second over the whole package (download, read and write). */
  documentsPerSecond: number;
  /** All rows written (documents, legi_articles, kali_articles) per second: kali-data's only throughput. */
  rowsPerSecond: number;
  phasesMs: { download: number; read: number; write: number };
  notes: string[];
}
