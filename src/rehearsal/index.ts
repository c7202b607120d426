export * from './start-control-plane.ts';
export * from './kubernetes-binaries.ts';
export type { ControlPlaneProcess } from './control-plane-process.ts';
export { SERVICE_ACCOUNT_ISSUER } from './control-plane-args.ts';
export { writeKubeconfig, type KubeconfigOptions } from './control-plane-kubeconfig.ts';
export * from './start-node.ts';
