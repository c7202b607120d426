// The backup manifest: what a dump holds, recorded when the dump is made and checked after a restore.
// Versioned format; the zod schema validates a manifest file before any restore starts.
import { z } from 'zod';

export const MANIFEST_FORMAT = 'cdtn-drill/backup-manifest';
export const MANIFEST_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256');
const md5 = z.string().regex(/^[0-9a-f]{32}$/, 'a hex MD5');
const count = z.number().int().nonnegative();

export const tableManifestSchema = z.object({
  /** `schema.table` */
  name: z.string().regex(/^[^.]+\.[^.]+$/, 'schema.table'),
  /** Columns the rows are ordered by ([] = no primary key: ordered by the whole row). */
  primaryKey: z.array(z.string()),
  rowCount: count,
  /** md5 over the md5 of each row's text, in primary-key order (see table-checksums.ts). */
  checksum: md5,
  /** Same over the primary-key values only: survives changes to non-key columns. */
  keyChecksum: md5,
});

export const documentCountsSchema = z.object({ all: count, available: count, published: count });

export const documentSampleSchema = z.object({
  cdtn_id: z.string(),
  initial_id: z.string(),
  source: z.string(),
  slug: z.string(),
});

export const backupManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  dump: z.object({
    file: z.string(),
    sha256,
    sizeBytes: count,
    pgDumpVersion: z.string(),
    serverVersion: z.string(),
    database: z.string(),
    dumpedAt: z.iso.datetime({ offset: true }),
  }),
  tables: z.array(tableManifestSchema).min(1),
  documents: z.object({
    bySource: z.record(z.string(), documentCountsSchema),
    samples: z.array(documentSampleSchema),
  }),
  /** What upstream's post-restore.sql will change in auth.users, measured without the drill admin. */
  users: z.object({
    drillAdminPresent: z.boolean(),
    withoutDrillAdmin: z.object({ rowCount: count, keyChecksum: md5 }),
  }),
});

export type TableManifest = z.infer<typeof tableManifestSchema>;
export type DocumentCounts = z.infer<typeof documentCountsSchema>;
export type DocumentSample = z.infer<typeof documentSampleSchema>;
export type BackupManifest = z.infer<typeof backupManifestSchema>;
