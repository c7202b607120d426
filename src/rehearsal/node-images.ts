// Local images into a rehearsal node: there is no registry, so Podman's images are saved to one
// archive and imported into containerd's k8s.io namespace, where the kubelet finds them (pods name
// them with imagePullPolicy Never). The import dominates a node's start-up.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';

export async function importImages(
  images: readonly string[],
  ctr: string,
  socket: string,
  workDir: string,
): Promise<void> {
  const archive = join(workDir, `images-${Date.now()}.tar`);
  try {
    // docker-archive: the one format that holds several images (shared layers stored once)
    await execa('podman', [
      'save',
      '--quiet',
      '--multi-image-archive',
      '--format',
      'docker-archive',
      '-o',
      archive,
      ...images,
    ]).catch((error: unknown) => {
      throw new Error(
        `rehearsal node: podman cannot save ${images.join(', ')} (built by node images/build.ts?): ${(error as Error).message}`,
        { cause: error },
      );
    });
    await execa(ctr, ['--address', socket, '--namespace', 'k8s.io', 'images', 'import', archive]);
  } finally {
    await rm(archive, { force: true });
  }
}

/** Another name for an image already in the node (production's image name, a tag the drill expects). */
export async function tagImage(ctr: string, socket: string, source: string, target: string): Promise<void> {
  await execa(ctr, [
    '--address',
    socket,
    '--namespace',
    'k8s.io',
    'images',
    'tag',
    '--force',
    source,
    target,
  ]);
}
