// A container that runs one of the project's pod programs (src/rehearsal/pods/) on a rehearsal node:
// the local base image (Debian), with this checkout and the Node.js running the rehearsal mounted
// read-only from the host, so that a pod runs the very code under rehearsal without an image build
// of the project. Pods use the host network: everything they reach is on 127.0.0.1.
import { dirname, join, resolve } from 'node:path';
import type { V1Container, V1PodSpec, V1Probe } from '@kubernetes/client-node';

const ROOT = resolve(import.meta.dirname, '../..');
const PROJECT_MOUNT = '/project';
const NODE_MOUNT = '/opt/node';

export interface ProjectContainerOptions {
  name: string;
  /** The image the pod names (the base image, tagged as production's image where the drill checks tags). */
  image: string;
  /** A file of src/rehearsal/pods/, e.g. ingester.ts. */
  program: string;
  env: Record<string, string>;
  readinessProbe?: V1Probe;
}

export function projectContainer(options: ProjectContainerOptions): V1Container {
  return {
    name: options.name,
    image: options.image,
    imagePullPolicy: 'Never',
    command: [join(NODE_MOUNT, 'bin/node'), join(PROJECT_MOUNT, 'src/rehearsal/pods', options.program)],
    workingDir: PROJECT_MOUNT,
    env: Object.entries(options.env).map(([name, value]) => ({ name, value })),
    volumeMounts: [
      { name: 'project', mountPath: PROJECT_MOUNT, readOnly: true },
      { name: 'node', mountPath: NODE_MOUNT, readOnly: true },
    ],
    ...(options.readinessProbe ? { readinessProbe: options.readinessProbe } : {}),
  };
}

/** The pod spec around project containers: host network, the checkout and Node.js from the host. */
export function projectPodSpec(containers: V1Container[], restartPolicy?: 'Never'): V1PodSpec {
  return {
    hostNetwork: true,
    terminationGracePeriodSeconds: 5,
    ...(restartPolicy ? { restartPolicy } : {}),
    containers,
    volumes: [
      { name: 'project', hostPath: { path: ROOT, type: 'Directory' } },
      // the prefix of the running node binary: <prefix>/bin/node
      { name: 'node', hostPath: { path: dirname(dirname(process.execPath)), type: 'Directory' } },
    ],
  };
}
