// SHA256SUMS in the format `sha256sum -c` reads: "<hex>  <path>", one file a line.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SHA256SUMS_FILE = 'SHA256SUMS';

export async function sha256Sums(root: string, files: readonly string[]): Promise<string> {
  const lines = await Promise.all(
    files.map(async (file) => {
      const digest = createHash('sha256')
        .update(await readFile(join(root, file)))
        .digest('hex');
      return `${digest}  ${file}`;
    }),
  );
  return `${lines.join('\n')}\n`;
}
