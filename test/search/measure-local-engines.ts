// Start-to-ready time and resident memory of each engine run as a host process, one after the other:
// `node test/search/measure-local-engines.ts [opensearch|elasticsearch …]` prints one line each.
import { startLocalEngine } from './start-local-engine.ts';
import type { LocalEngineKind } from './local-engine-launch.ts';

export interface LocalEngineMeasure {
  kind: LocalEngineKind;
  readyMs: number;
  rssBytes: number;
}

export async function measureLocalEngine(kind: LocalEngineKind): Promise<LocalEngineMeasure> {
  await using engine = await startLocalEngine(kind);
  return { kind, readyMs: engine.readyMs, rssBytes: await engine.getRssBytes() };
}

if (import.meta.main) {
  const requested = process.argv.slice(2);
  const kinds: LocalEngineKind[] =
    requested.length > 0 ? (requested as LocalEngineKind[]) : ['opensearch', 'elasticsearch'];
  for (const kind of kinds) {
    const { readyMs, rssBytes } = await measureLocalEngine(kind);
    console.log(
      `${kind}: ready in ${(readyMs / 1000).toFixed(1)} s, RSS ${Math.round(rssBytes / 2 ** 20)} MiB`,
    );
  }
}
