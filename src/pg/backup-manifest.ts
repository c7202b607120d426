// The backup manifest: what a dump holds, recorded when the dump is made and checked after a restore.
// Versioned format: the interfaces are the contract, the zod schema validates a file against them
// before any restore starts.
import { z } from 'zod';

export const MANIFEST_FORMAT = 'cdtn-drill/backup-manifest';
export const MANIFEST_VERSION = 1;

export interface TableManifest {
  /** `schema.table` */
  name: string;
  /** Columns the rows are ordered by ([] = no primary key: ordered by the whole row). */
  primaryKey: string[];
  rowCount: number;
  /** md5 over the md5 of each row's text, in primary-key order (see table-checksums.ts). */
  checksum: string;
  /** Same over the primary-key values only: survives changes to non-key columns. */
  keyChecksum: string;
}

export interface DocumentCounts {
  all: number;
  available: number;
  published: number;
}

/** A document to look for after the restore. */
export interface DocumentSample {
  cdtn_id: string;
  initial_id: string;
  source: string;
  slug: string;
}

export interface DumpManifest {
  /** File name only: the manifest may travel apart from the dump. */
  file: string;
  sha256: string;
  sizeBytes: number;
  pgDumpVersion: string;
  serverVersion: string;
  database: string;
  /** ISO 8601, read from the archive header (pg_restore -l). */
  dumpedAt: string;
}

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  createdAt: string;
  dump: DumpManifest;
  tables: TableManifest[];
  documents: {
    bySource: Record<string, DocumentCounts>;
    samples: DocumentSample[];
  };
  /** What upstream's post-restore.sql changes in auth.users, measured without the drill admin. */
  users: {
    drillAdminPresent: boolean;
    withoutDrillAdmin: { rowCount: number; keyChecksum: string };
  };
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256');
const md5 = z.string().regex(/^[0-9a-f]{32}$/, 'a hex MD5');
const count = z.number().int().nonnegative();
const isoTime = z.iso.datetime({ offset: true });

const tableManifestSchema = z.object({
  name: z.string().regex(/^[^.]+\.[^.]+$/, 'schema.table'),
  primaryKey: z.array(z.string()),
  rowCount: count,
  checksum: md5,
  keyChecksum: md5,
}) satisfies z.ZodType<TableManifest>;

const documentCountsSchema = z.object({
  all: count,
  available: count,
  published: count,
}) satisfies z.ZodType<DocumentCounts>;

export const backupManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  createdAt: isoTime,
  dump: z.object({
    file: z.string(),
    sha256,
    sizeBytes: count,
    pgDumpVersion: z.string(),
    serverVersion: z.string(),
    database: z.string(),
    dumpedAt: isoTime,
  }),
  tables: z.array(tableManifestSchema).min(1),
  documents: z.object({
    bySource: z.record(z.string(), documentCountsSchema),
    samples: z.array(
      z.object({ cdtn_id: z.string(), initial_id: z.string(), source: z.string(), slug: z.string() }),
    ),
  }),
  users: z.object({
    drillAdminPresent: z.boolean(),
    withoutDrillAdmin: z.object({ rowCount: count, keyChecksum: md5 }),
  }),
}) satisfies z.ZodType<BackupManifest>;
