// Run by control-plane.test.ts as a process of its own, to be killed: starts a control plane from
// the binaries in argv[2], prints its PIDs and run directory as one JSON line, then waits.
import { startControlPlane } from '../../src/rehearsal/index.ts';

const binDir = process.argv[2];
if (binDir === undefined) throw new Error('usage: start-control-plane-and-wait.ts <binDir>');
const controlPlane = await startControlPlane({ binDir });
const pids = controlPlane.processes.map((process) => process.pid);
console.log(JSON.stringify({ pids, runDir: controlPlane.runDir }));
setInterval(() => undefined, 60_000);
