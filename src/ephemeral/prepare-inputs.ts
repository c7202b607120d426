// What the ephemeral drill downloads and builds before its first task, none of which needs the
// container engine: the backup fixture and the data packages tt3 serves as latest.
// scripts/with-env.sh prepares them while the images build; the drill's global setup
// then finds them cached (each is cached by its inputs and safe to prepare twice at once).
import { loadIngestConfig, prepareServedRegistry } from '../ingest/index.ts';
import { buildBackupFixture } from '../pg/index.ts';

export async function prepareEphemeralInputs(log: (line: string) => void): Promise<void> {
  const timed = async (name: string, work: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await work();
    log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await Promise.all([
    timed('backup fixture', () => buildBackupFixture({ log })),
    timed('data packages for tt3', () => prepareServedRegistry(loadIngestConfig(process.env))),
  ]);
}
