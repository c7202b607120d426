// Bad input to the restore phase: each is refused with a message naming the file, what was
// expected and what was found; pg_restore's own stderr is kept; a failed restore says what the
// database now holds.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applySchema,
  createManifest,
  getPgEnv,
  loadManifest,
  readDumpInfo,
  resolveBackup,
  restoreIntoDatabase,
  RestoreError,
  runManifestCommand,
  type BackupManifest,
} from '../../src/pg/index.ts';
import {
  startPgTestServer,
  writeFlippedDump,
  writeTruncatedDump,
  type PgTestServer,
} from './pg-test-server.ts';

let t: PgTestServer;
let manifest: BackupManifest;
/** A small real dump of another database: the schema alone. */
let otherDump: string;

beforeAll(async () => {
  t = await startPgTestServer();
  manifest = t.fixture.manifest;
  const db = await t.createDatabase();
  await applySchema(db.pool);
  otherDump = join(t.dir, 'other.dump');
  await execa('pg_dump', ['-Fc', `--file=${otherDump}`], {
    env: { ...getPgEnv(db.connectionString), TZ: 'UTC' },
  });
});
afterAll(() => t?.close());

async function restoreInto(
  dumpPath: string,
  withManifest: BackupManifest,
  prepare?: (pool: pg.Pool) => Promise<void>,
) {
  const db = await t.createDatabase();
  await prepare?.(db.pool);
  return restoreIntoDatabase({
    dumpPath,
    manifest: withManifest,
    connectionString: db.connectionString,
    pool: db.pool,
    databaseName: db.name,
    clean: false,
    postRestore: {},
  });
}

async function failureOf(promise: Promise<unknown>): Promise<RestoreError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RestoreError);
  return error as RestoreError;
}

describe('a damaged dump', () => {
  it('truncated: refused against its manifest (SHA-256), and pg_restore’s error is kept when making a manifest', async () => {
    const truncated = join(t.dir, 'truncated.dump');
    await writeTruncatedDump(t.fixture.dumpPath, truncated, 0.5);
    await expect(restoreInto(truncated, manifest)).rejects.toThrow(
      `tt2: dump ${truncated} has SHA-256 ${(await readDumpInfo(truncated)).sha256}`,
    );
    const error = await failureOf(createManifest(truncated, { out: join(t.dir, 'truncated.manifest.json') }));
    expect(error.message).toMatch(/pg_restore .* exited with code 1/);
    expect(error.stderr).toMatch(/pg_restore: error: .*(end of file|could not read)/);
    expect(error.message).toContain(error.stderr?.trim());
  });

  it('flipped bytes in the middle: pg_restore fails and its stderr is shown', async () => {
    const flipped = join(t.dir, 'flipped.dump');
    await writeFlippedDump(t.fixture.dumpPath, flipped);
    const error = await failureOf(createManifest(flipped, { out: join(t.dir, 'flipped.manifest.json') }));
    expect(error.stderr).toMatch(/pg_restore: error: /);
    expect(error.message).toContain(error.stderr?.trim());
  });

  it('a plain-SQL file given as a custom dump is refused before pg_restore runs', async () => {
    const db = await t.createDatabase();
    await applySchema(db.pool);
    const plain = join(t.dir, 'plain.dump');
    await execa('pg_dump', ['-Fp', '--schema-only', `--file=${plain}`], {
      env: getPgEnv(db.connectionString),
    });
    await expect(readDumpInfo(plain)).rejects.toThrow(
      `tt2: dump ${plain} is not a pg_dump custom-format archive: expected it to start with "PGDMP", found plain-SQL text`,
    );
    expect(await runManifestCommand([plain, '--out', join(t.dir, 'plain.manifest.json')])).toBe(1);
  });
});

describe('a wrong or missing manifest', () => {
  it('missing: names the file and how to make one', async () => {
    const missing = join(t.dir, 'nowhere.manifest.json');
    await expect(loadManifest(missing)).rejects.toThrow(`tt2: manifest ${missing} cannot be read (ENOENT)`);
    await expect(
      resolveBackup(
        { backupPath: join(t.dir, 'nowhere.dump'), allowRestore: false, restoreTestServer: 'same-server' },
        'ephemeral',
      ),
    ).rejects.toThrow(/manifest .*nowhere\.manifest\.json cannot be read/);
  });

  it('not a manifest: every invalid field is listed', async () => {
    const file = join(t.dir, 'invalid.manifest.json');
    await writeFile(
      file,
      JSON.stringify({ ...manifest, version: 99, dump: { ...manifest.dump, sha256: 'abc' } }),
    );
    const error = await failureOf(loadManifest(file));
    expect(error.message).toContain(`manifest ${file} is not a valid backup manifest`);
    expect(error.message).toMatch(/version: /);
    expect(error.message).toMatch(/dump\.sha256: .*SHA-256/);
  });

  it('made from another dump: refused with both SHA-256 before anything is restored', async () => {
    const otherManifest = (await createManifest(otherDump, { out: join(t.dir, 'other.manifest.json') }))
      .manifest;
    const error = await failureOf(restoreInto(t.fixture.dumpPath, otherManifest));
    expect(error.message).toBe(
      `tt2: dump ${t.fixture.dumpPath} has SHA-256 ${manifest.dump.sha256} (${manifest.dump.sizeBytes} bytes), the manifest was made from other.dump with SHA-256 ${otherManifest.dump.sha256} (${otherManifest.dump.sizeBytes} bytes)`,
    );
  });
});

describe('pg_restore errors', () => {
  it('shows pg_restore’s stderr and says the database is partially restored', async () => {
    const error = await failureOf(restoreInto(t.fixture.dumpPath, manifest, (pool) => applySchema(pool)));
    expect(error.stderr).toMatch(/pg_restore: error: .*already exists/);
    expect(error.message).toContain(error.stderr?.trim().split('\n')[0]);
    expect(error.message).toMatch(
      new RegExp(
        `database restore_\\S+ is partially restored: ${manifest.tables.length} of ${manifest.tables.length} tables exist, \\d+ of them with the manifest's row count; do not use it`,
      ),
    );
  });
});

describe('cdtn-drill manifest', () => {
  it('writes the manifest of a dump, which loads and describes that dump', async () => {
    const out = join(t.dir, 'cli.manifest.json');
    expect(await runManifestCommand([otherDump, '--out', out])).toBe(0);
    const written = await loadManifest(out);
    expect(written.dump.sha256).toBe((await readDumpInfo(otherDump)).sha256);
    expect(written.tables.map((table) => table.name)).toEqual(manifest.tables.map((table) => table.name));
  });

  it('answers a usage error with status 2', async () => {
    expect(await runManifestCommand(['--out'])).toBe(2);
  });
});
