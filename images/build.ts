// Builds the local images without any registry: `node images/build.ts [names…]` (default: every
// image folder). Needs Podman (scripts/podman-setup.sh installs and configures it) and root for
// debootstrap. Images whose inputs did not change are skipped. Builds are serialized machine-wide
// (flock on the cache's images.lock): two callers never share a build context.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { buildImages, getCacheDir } from './build-images.ts';
import { isLocalImageName, listImageNames } from './image-recipe.ts';

const LOCK_HELD = 'DRILL_IMAGES_LOCK_HELD';
const args = process.argv.slice(2);

if (process.env[LOCK_HELD] !== '1') {
  mkdirSync(getCacheDir(), { recursive: true });
  const locked = await execa(
    'flock',
    [join(getCacheDir(), 'images.lock'), process.execPath, import.meta.filename, ...args],
    {
      stdio: 'inherit',
      env: { [LOCK_HELD]: '1' },
      reject: false,
    },
  );
  process.exit(locked.exitCode ?? 1);
}

const unknown = args.filter((name) => !isLocalImageName(name));
if (unknown.length > 0) {
  console.error(
    `images/build.ts: unknown image ${unknown.join(', ')}; expected one of: ${listImageNames().join(', ')}`,
  );
  process.exit(2);
}
try {
  await buildImages(args.length > 0 ? args.filter(isLocalImageName) : listImageNames(), (line) =>
    console.error(line),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
