// cdtn_id: the first 10 hex characters of xxhash64 (seed 0x1e7f) of source + initial_id, the
// identifier cdtn-admin gives every ingested document (deterministic across runs). cdtn-admin
// prints the hash through xxhashjs/cuint, whose hex has no leading zeros: a hash 0c68… gives
// the id c68…, not 0c68…; the same is done here with the bigint's own hex.
import xxhash from 'xxhash-wasm';

const SEED = 0x1e7fn;
const ID_LENGTH = 10;
const hasher = xxhash();

/** cdtn_id of article L1 of the code du travail, verified by upstream's README. */
export const ARTICLE_L1 = '517701f79f';
/** cdtn_id of article L2312-1 (`code_du_travail` + LEGIARTI000006901843), see cdtn-system.md §1. */
export const ARTICLE_L2312_1 = 'e08224ce8a';

export type CdtnIdGenerator = (source: string, initialId: string) => string;

export async function createCdtnIdGenerator(): Promise<CdtnIdGenerator> {
  const { h64 } = await hasher;
  return (source, initialId) =>
    h64(source + initialId, SEED)
      .toString(16)
      .slice(0, ID_LENGTH);
}
