// reports/<runId>/evidence.tar.gz for auditors: the runbook, the reports, the backup manifest (when
// the run had one), the run's logs with secrets masked, the versions, and SHA256SUMS of them all.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { create } from 'tar';
import { redact } from '../../safety/index.ts';
import { MANIFEST_DIR } from '../../drill/record-evidence.ts';
import { sha256Sums, SHA256SUMS_FILE } from './sha256-sums.ts';
import type { RunVersions } from './run-versions.ts';

export const EVIDENCE_FILE = 'evidence.tar.gz';

export interface EvidenceInput {
  /** The run's folder: its `*.log` files go in the bundle, and the bundle goes there. */
  runDir: string;
  /** The report files by name (report.json, report.md, index.html, junit.xml), already redacted. */
  reports: Readonly<Record<string, string>>;
  runbookPath: string;
  /** The backup manifest named by DRILL_MANIFEST, if any; those drills recorded are taken too. */
  manifestPath?: string | undefined;
  versions: RunVersions;
  /** Values to mask in the logs, on top of the URLs' credentials. */
  secrets: readonly string[];
}

export interface EvidenceBundle {
  path: string;
  /** Paths inside the bundle, SHA256SUMS last. */
  files: string[];
}

export async function writeEvidenceBundle(input: EvidenceInput): Promise<EvidenceBundle> {
  const staging = await mkdtemp(join(tmpdir(), 'cdtn-drill-evidence-'));
  try {
    const files: string[] = [];
    const put = async (path: string, content: string | Buffer): Promise<void> => {
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeFile(join(staging, path), content);
      files.push(path);
    };
    await put(`runbook/${basename(input.runbookPath)}`, await readNamed(input.runbookPath, 'runbook'));
    for (const [name, content] of Object.entries(input.reports)) await put(`reports/${name}`, content);
    await mkdir(input.runDir, { recursive: true });
    for (const [name, source] of await manifestsOf(input))
      await put(`manifest/${name}`, await readNamed(source, 'backup manifest'));
    await mkdir(input.runDir, { recursive: true });
    for (const name of (await readdir(input.runDir)).filter((file) => file.endsWith('.log')).sort()) {
      const text = await readFile(join(input.runDir, name), 'utf8');
      await put(`logs/${name}`, redact(text, input.secrets));
    }
    await put('versions.json', `${JSON.stringify(input.versions, null, 2)}\n`);
    await writeFile(join(staging, SHA256SUMS_FILE), await sha256Sums(staging, files));
    files.push(SHA256SUMS_FILE);
    const path = join(input.runDir, EVIDENCE_FILE);
    // portable: no owner or uid noise from the machine; written aside, then renamed: never half a bundle.
    await create({ gzip: true, file: `${path}.partial`, cwd: staging, portable: true }, files);
    await rename(`${path}.partial`, path);
    return { path, files };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** DRILL_MANIFEST, and the manifests drills recorded (recordBackupManifest), by file name. */
async function manifestsOf({ manifestPath, runDir }: EvidenceInput): Promise<Map<string, string>> {
  const manifests = new Map<string, string>();
  if (manifestPath !== undefined && manifestPath !== '') manifests.set(basename(manifestPath), manifestPath);
  const recorded = join(runDir, MANIFEST_DIR);
  const names = await readdir(recorded).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const name of names.sort()) manifests.set(name, join(recorded, name));
  return manifests;
}

async function readNamed(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new Error(`evidence bundle: cannot read the ${what} ${path}`, { cause: error });
  }
}
