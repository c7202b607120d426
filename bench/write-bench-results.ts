// One write of the results, to the configured path (directories made), announced in one line.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BenchResults } from './bench-results.ts';

export async function writeBenchResults(results: BenchResults, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
  console.error(`bench results written to ${path}`);
}
