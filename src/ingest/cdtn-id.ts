// cdtn_id: the first 10 hex characters of xxhash64 (seed 0x1e7f) of source + initial_id,
// the identifier cdtn-admin gives every ingested document (deterministic across runs).
import xxhash from 'xxhash-wasm';

const SEED = 0x1e7fn;
const hasher = xxhash();

export type CdtnIdGenerator = (source: string, initialId: string) => string;

export async function createCdtnIdGenerator(): Promise<CdtnIdGenerator> {
  const { h64ToString } = await hasher;
  return (source, initialId) => h64ToString(source + initialId, SEED).slice(0, 10);
}
