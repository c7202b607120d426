// The golden set: known documents of the backup fixture with the fields their page renders,
// committed in fixtures/golden/documents.json (picked by hand, never computed by the drill).
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const GOLDEN_DOCUMENTS_PATH = new URL('../../fixtures/golden/documents.json', import.meta.url)
  .pathname;

const goldenSchema = z.strictObject({
  description: z.string(),
  documents: z
    .array(z.strictObject({ cdtnId: z.string(), source: z.string(), slug: z.string(), title: z.string() }))
    .min(1),
});
export type GoldenDocument = z.infer<typeof goldenSchema>['documents'][number];

export function readGoldenDocuments(path: string = GOLDEN_DOCUMENTS_PATH): GoldenDocument[] {
  const parsed = goldenSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`golden documents: ${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.documents;
}
