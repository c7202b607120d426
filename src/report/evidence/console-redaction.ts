// What the CLI prints is redacted like the report files: every write to stdout and stderr (error
// messages, progress lines, vitest's own failure output and the drills' console) goes through
// redact() with the run's secrets (runSecrets), from the command's start to its end. One instance,
// as the streams are the process's; it is also the run's reporter, to know the environment's
// credentials (generated for an ephemeral run, in no variable).
import type { Reporter, Vitest } from 'vitest/node';
import { redact } from '../../safety/index.ts';
import { runSecrets } from './run-secrets.ts';

type Write = typeof process.stdout.write;

class ConsoleRedaction implements Reporter {
  #vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  /** Redacts every write to stdout and stderr until the returned function puts them back. */
  install(): () => void {
    const streams = [process.stdout, process.stderr];
    const writes = streams.map((stream) => stream.write);
    streams.forEach((stream, index) => {
      const write = writes[index] as Write;
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        return (write as (...args: unknown[]) => boolean).call(
          stream,
          redact(text, runSecrets(this.#vitest)),
          ...rest,
        );
      }) as Write;
    });
    return () => {
      streams.forEach((stream, index) => (stream.write = writes[index] as Write));
      this.#vitest = undefined;
    };
  }
}

export const consoleRedaction = new ConsoleRedaction();
