import { describe, expect, it } from 'vitest';
import { createCdtnIdGenerator } from '../../src/ingest/index.ts';

describe('cdtn_id', () => {
  it('is the first 10 hex characters of xxhash64 (seed 0x1e7f) of source + initial_id, as cdtn-admin computes it', async () => {
    const generateCdtnId = await createCdtnIdGenerator();
    expect(generateCdtnId('code_du_travail', 'LEGIARTI000017961623')).toBe('517701f79f'); // L1
    expect(generateCdtnId('code_du_travail', 'LEGIARTI000006901843')).toBe('e08224ce8a'); // L2312-1
  });

  it('drops the leading zeros of the hash, as xxhashjs/cuint in cdtn-admin print it', async () => {
    const generateCdtnId = await createCdtnIdGenerator();
    // xxhash64 of "fiches_service_publicF22" with seed 0x1e7f is 0x0c6817f9aed27908
    expect(generateCdtnId('fiches_service_public', 'F22')).toBe('c6817f9aed');
  });

  it('depends on the source as well as the id', async () => {
    const generateCdtnId = await createCdtnIdGenerator();
    expect(generateCdtnId('fiches_service_public', 'LEGIARTI000017961623')).not.toBe('517701f79f');
    expect(generateCdtnId('fiches_service_public', 'F1')).toMatch(/^[0-9a-f]{10}$/);
  });
});
