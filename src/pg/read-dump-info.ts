// Reads what a custom-format dump says about itself: its SHA-256, and from the archive header
// (`pg_restore -l`) the pg_dump and server versions, the database and the dump time.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { execa } from 'execa';
import type { DumpManifest } from './backup-manifest.ts';
import { RestoreError } from './restore-error.ts';

/** What the manifest records about a dump (dumpedAt in UTC), plus where it is and its table count. */
export interface DumpInfo extends DumpManifest {
  path: string;
  /** Number of TABLE DATA entries in the archive's table of contents. */
  tableDataEntries: number;
}

const CUSTOM_MAGIC = 'PGDMP';

export async function readDumpInfo(path: string): Promise<DumpInfo> {
  await ensureIsCustomDump(path);
  const [sha256, { size }, header] = await Promise.all([hashFile(path), stat(path), listArchive(path)]);
  const field = (label: string): string => {
    const match = new RegExp(`^;\\s+${label}:? (.+)$`, 'm').exec(header);
    if (!match?.[1]) throw new RestoreError(`dump ${path}: its header has no "${label}" (pg_restore -l)`);
    return match[1].trim();
  };
  return {
    path,
    file: basename(path),
    sha256,
    sizeBytes: size,
    pgDumpVersion: field('Dumped by pg_dump version'),
    serverVersion: field('Dumped from database version'),
    database: field('dbname'),
    dumpedAt: parseArchiveTime(field('Archive created at'), path),
    tableDataEntries: header.split('\n').filter((line) => / TABLE DATA /.test(line)).length,
  };
}

/** A plain-SQL file or anything else handed over as a custom dump is refused before pg_restore sees it. */
export async function ensureIsCustomDump(path: string): Promise<void> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw new RestoreError(`dump ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    const magic = buffer.subarray(0, bytesRead).toString('latin1');
    if (magic !== CUSTOM_MAGIC) {
      const kind = /^(--|SET|CREATE|\n)/.test(magic) ? 'plain-SQL text' : `bytes ${JSON.stringify(magic)}`;
      throw new RestoreError(
        `dump ${path} is not a pg_dump custom-format archive: expected it to start with "${CUSTOM_MAGIC}", found ${kind} (make it with pg_dump -Fc)`,
      );
    }
  } finally {
    await handle.close();
  }
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function listArchive(path: string): Promise<string> {
  // The archive stores its creation time as local wall-clock time without a zone: read it as UTC,
  // which is how the fixture generator (and CloudNativePG pods) run pg_dump.
  const result = await execa('pg_restore', ['-l', path], { env: { TZ: 'UTC' }, reject: false });
  if (result.exitCode !== 0) {
    throw new RestoreError(
      `dump ${path}: pg_restore -l failed (exit ${result.exitCode}): ${result.stderr.trim()}`,
      {
        stderr: result.stderr,
      },
    );
  }
  return result.stdout;
}

function parseArchiveTime(text: string, path: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (UTC|GMT|Z)$/.exec(text);
  if (!match) throw new RestoreError(`dump ${path}: archive time "${text}" is not a UTC time`);
  return new Date(`${match[1]}T${match[2]}Z`).toISOString();
}
