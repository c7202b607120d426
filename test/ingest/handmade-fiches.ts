// Handmade fiches-travail-data tarballs served as the latest version by the fake registry: tests
// choose exactly which fiches a version holds.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { create as createTar } from 'tar';
import type { FakeRegistry } from './fake-registry-server.ts';

export const FICHES = '@socialgouv/fiches-travail-data';

/** A fiche as fiches-travail-data publishes it, with no section (so no reference to resolve). */
export function handmadeFiche(pubId: string, title: string) {
  return { pubId, title, url: '', date: '12/03/2024', description: '', intro: '', sections: [] };
}

/** Serves, as the latest fiches-travail-data at `version`, a tarball holding only this fiches-travail.json. */
export async function serveHandmadeFiches(
  registry: FakeRegistry,
  fichesJson: string,
  version = '9.9.9',
): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-handmade-'));
  try {
    await mkdir(path.join(dir, 'package', 'data'), { recursive: true });
    await writeFile(path.join(dir, 'package', 'data', 'fiches-travail.json'), fichesJson);
    const tarball = path.join(dir, 'handmade.tgz');
    await createTar({ gzip: true, file: tarball, cwd: dir }, ['package']);
    const bytes = await readFile(tarball);
    const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
    const url = `${registry.registryUrl}/${FICHES}/-/fiches-travail-data-${version}.tgz`;
    registry.server.use(
      http.get(`${registry.registryUrl}/${FICHES}/latest`, () =>
        HttpResponse.json({ name: FICHES, version, dist: { tarball: url, integrity } }),
      ),
      http.get(url, () => new HttpResponse(bytes)),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
