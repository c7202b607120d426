// Without any container engine the start fails with one error listing what was tried and how to
// get an engine. Run in a child process: Testcontainers remembers the first engine it finds.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const script = `
import { startEnvironment } from './src/env/index.ts';
await startEnvironment({ target: 'ephemeral', runId: 'no-runtime' }).catch((error) => {
  console.error(error.message);
  process.exit(3);
});`;

describe('no container runtime', () => {
  // A Docker engine on the default socket would be found whatever DOCKER_HOST says.
  it.skipIf(existsSync('/var/run/docker.sock'))(
    'lists DOCKER_HOST and the sockets tried, and the set-up commands',
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'drill-home-'));
      const result = await execa(process.execPath, ['--input-type=module', '-e', script], {
        reject: false,
        env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock', HOME: home, XDG_RUNTIME_DIR: '' },
      });
      expect(result.exitCode).toBe(3);
      expect(result.stderr).toContain(
        'ephemeral environment: no container runtime answered; tried DOCKER_HOST=unix:///nonexistent/docker.sock, /var/run/docker.sock',
      );
      expect(result.stderr).toContain(join(home, '.docker', 'run', 'docker.sock'));
      expect(result.stderr).toContain('scripts/podman-setup.sh');
      expect(result.stderr).toContain('scripts/with-env.sh');
    },
  );
});
