// The configuration files of a rehearsal node: containerd's, the CNI network's and the kubelet's,
// every state directory under the node's own directory. The settings this sandbox needs, and why,
// are in docs/drill-prod.md ("Rehearsal on a real control plane: status", Node).
import { join } from 'node:path';

export interface NodeLayout {
  /** The node's directory, under the control plane's run directory. */
  dir: string;
  name: string;
  /** The host's address the kubelet listens on and registers (a kubelet refuses a loopback one). */
  address: string;
  kubeletPort: number;
  /** Per run: two nodes on one machine must not share a bridge or a pod range. */
  bridge: string;
  podCidr: string;
  sandboxImage: string;
  runc: string;
  cniBinDir: string;
}

export const containerdSocket = (node: NodeLayout): string => join(node.dir, 'containerd/containerd.sock');
export const cniConfDir = (node: NodeLayout): string => join(node.dir, 'cni/net.d');

export function containerdConfig(node: NodeLayout): string {
  const cri = 'plugins."io.containerd.cri.v1.runtime"';
  return `version = 3
root = "${join(node.dir, 'containerd/root')}"
state = "${join(node.dir, 'containerd/state')}"
[grpc]
  address = "${containerdSocket(node)}"
[ttrpc]
  address = "${containerdSocket(node)}.ttrpc"
[plugins."io.containerd.cri.v1.images"]
  snapshotter = "overlayfs"
  [plugins."io.containerd.cri.v1.images".pinned_images]
    sandbox = "${node.sandboxImage}"
[${cri}]
  enable_selinux = false
  disable_apparmor = true
  # The sandbox's capability bounding set lacks CAP_SYS_RESOURCE: runc cannot lower a container's
  # oom_score_adj below containerd's own ("can't get final child's PID from pipe: EOF").
  restrict_oom_score_adj = true
  [${cri}.containerd]
    default_runtime_name = "runc"
    [${cri}.containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [${cri}.containerd.runtimes.runc.options]
        BinaryName = "${node.runc}"
        Root = "${join(node.dir, 'runc')}"
        SystemdCgroup = false
  [${cri}.cni]
    bin_dirs = ["${node.cniBinDir}"]
    conf_dir = "${cniConfDir(node)}"
`;
}

/** A bridge with host-local addresses: containerd reports the network ready only with one. */
export function cniConfig(node: NodeLayout): string {
  const ipam = {
    type: 'host-local',
    dataDir: join(node.dir, 'cni/ipam'),
    ranges: [[{ subnet: node.podCidr }]],
    routes: [{ dst: '0.0.0.0/0' }],
  };
  const bridge = { type: 'bridge', bridge: node.bridge, isGateway: true, ipMasq: true, ipam };
  const config = { cniVersion: '1.0.0', name: node.bridge, plugins: [bridge, { type: 'loopback' }] };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** KubeletConfiguration; JSON is valid YAML. */
export function kubeletConfig(node: NodeLayout, caCert: string): string {
  const config = {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    // the host has cgroup v1 (hybrid), which kubelet 1.37 refuses by default; no systemd
    failCgroupV1: false,
    cgroupDriver: 'cgroupfs',
    failSwapOn: false,
    containerRuntimeEndpoint: `unix://${containerdSocket(node)}`,
    address: node.address,
    port: node.kubeletPort,
    readOnlyPort: 0,
    healthzPort: 0,
    // the API server is the only caller: its client certificate, authorized by a SubjectAccessReview
    authentication: {
      anonymous: { enabled: false },
      webhook: { enabled: true },
      x509: { clientCAFile: caCert },
    },
    authorization: { mode: 'Webhook' },
    podCIDR: node.podCidr,
    resolvConf: '/etc/resolv.conf',
    podLogsDir: join(node.dir, 'pod-logs'),
    volumePluginDir: join(node.dir, 'volume-plugins'),
    // a shared, busy disk must not taint the node with pressure and evict the rehearsal's pods
    evictionHard: { 'memory.available': '100Mi', 'nodefs.available': '1%', 'imagefs.available': '1%' },
    imageGCHighThresholdPercent: 100,
    serializeImagePulls: false,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export function kubeletArgs(node: NodeLayout, configPath: string, kubeconfigPath: string): string[] {
  return [
    ...['--config', configPath, '--kubeconfig', kubeconfigPath],
    ...['--root-dir', join(node.dir, 'kubelet'), '--cert-dir', join(node.dir, 'kubelet-pki')],
    ...['--hostname-override', node.name, '--node-ip', node.address, '--v=1'],
  ];
}

export function schedulerArgs(kubeconfigPath: string): string[] {
  // no HTTPS endpoint: readiness is a pod bound to the node
  return ['--kubeconfig', kubeconfigPath, '--leader-elect=false', '--secure-port=0'];
}
