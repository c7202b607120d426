// Streams an npm tarball (gzip + tar) once and keeps only the files a package reader asks for,
// as raw bytes (each is parsed once by its reader). Paths are given without npm's `package/` root.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Parser, type ReadEntry } from 'tar';

export async function readTarballFiles(
  tarballPath: string,
  select: (filePath: string) => boolean,
): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const parser = new Parser({
    onReadEntry: (entry: ReadEntry) => {
      const filePath = entry.path.replace(/^[^/]+\//, '');
      if (entry.type !== 'File' || !select(filePath)) {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => files.set(filePath, Buffer.concat(chunks)));
    },
  });
  await pipeline(createReadStream(tarballPath), parser);
  return files;
}
