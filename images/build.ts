// Builds the local images without any registry: `node images/build.ts [names…]` (default: every
// image folder). Needs Podman (scripts/podman-setup.sh installs and configures it) and root for
// debootstrap. Images whose inputs did not change are skipped.
import { buildImages } from './build-images.ts';
import { isLocalImageName, listImageNames } from './image-recipe.ts';

const args = process.argv.slice(2);
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
