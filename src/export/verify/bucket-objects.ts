// tt4/tt5 on the export's post-steps: the sitemap and agreements/index.json are in the environment's
// folder of the public bucket, read as anyone reads them (no credentials), as the spec says
// (src/spec/published-objects.ts); just exported, they were written by this export, before it
// wrote `completed`. Read-only: safe against a cluster.
import type pg from 'pg';
import {
  AGREEMENT_INDEX_FIELDS,
  expectedAgreementIdccs,
  publishedObjectKeys,
  type SpecEnvironment,
} from '../../spec/index.ts';
import { ExportError } from '../export-error.ts';
import type { ExportStatusRow } from '../export-status.ts';

export interface BucketCheckContext {
  task: string;
  pool: pg.Pool;
  publicBucketUrl: string;
  environment: SpecEnvironment;
}

/** Last-Modified is to the second: an object written by the export is not older than its row's second. */
const toSecond = (iso: string) => Math.floor(new Date(iso).getTime() / 1000) * 1000;

export async function checkPublishedObjects(
  context: BucketCheckContext,
  row: ExportStatusRow,
  exportedNow: boolean,
): Promise<{ agreements: number }> {
  const keys = publishedObjectKeys(context.environment);
  const problems: string[] = [];
  const read = async (key: string) => {
    const response = await fetch(`${context.publicBucketUrl}/${key}`);
    const body = await response.text();
    if (response.status !== 200) problems.push(`${key}: HTTP ${response.status}`);
    const modified = Date.parse(response.headers.get('last-modified') ?? '');
    if (
      response.status === 200 &&
      exportedNow &&
      !(modified >= toSecond(row.createdAt) && modified <= Date.parse(row.updatedAt))
    )
      problems.push(
        `${key}: last modified ${response.headers.get('last-modified')}, not between the export's start ${row.createdAt} and its ${row.status} ${row.updatedAt}`,
      );
    return body;
  };
  const sitemap = await read(keys.sitemap);
  if (!sitemap.includes('<urlset')) problems.push(`${keys.sitemap}: no <urlset> in ${sitemap.length} bytes`);
  const agreements = parseList(await read(keys.agreements));
  const listed = agreements.map((entry) => String(entry.num)).sort();
  const expected = await expectedAgreementIdccs(context.pool);
  if (exportedNow ? listed.join() !== expected.join() : listed.length === 0)
    problems.push(
      `${keys.agreements}: IDCCs ${listed.join(', ') || 'none'}, supported agreements ${expected.join(', ')}`,
    );
  const misshapen = agreements.filter(
    (entry) => Object.keys(entry).sort().join() !== AGREEMENT_INDEX_FIELDS.join(),
  );
  if (misshapen.length > 0)
    problems.push(
      `${keys.agreements}: ${misshapen.length} entries without exactly the fields ${AGREEMENT_INDEX_FIELDS.join(', ')}`,
    );
  if (problems.length > 0)
    throw new ExportError({
      task: context.task,
      object: `public bucket ${context.publicBucketUrl}`,
      problem: "the export's post-steps are not as upstream leaves them",
      found: problems.join('; '),
    });
  return { agreements: agreements.length };
}

function parseList(body: string): Record<string, unknown>[] {
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [];
  } catch {
    return [];
  }
}
