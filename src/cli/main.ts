// Entry of `cdtn-drill`: dispatches to a command and maps errors to exit statuses. Everything the
// command prints, errors included, is redacted like the report files (consoleRedaction).
import { inspect } from 'node:util';
import { ConfigError } from '../config/index.ts';
import { CoverageError } from '../run/index.ts';
import { K8sError } from '../k8s/index.ts';
import { consoleRedaction } from '../report/evidence/index.ts';
import { RunbookError } from '../runbook/index.ts';
import { SafetyError } from '../safety/index.ts';
import { UsageError } from './command-options.ts';
import { COMMANDS } from './commands.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

export function usage(): string {
  return [
    'Usage: cdtn-drill <command> [options]',
    '',
    ...Object.entries(COMMANDS).flatMap(([name, command]) => [
      `${name}: ${command.summary}`,
      command.usage,
      '',
    ]),
    'Exit status: 0 ok; 1 an assertion failed, drill coverage failed, the runbook does not parse, or',
    'lint failed under --strict, the kubeconfig cannot be read, a setting (DRILL_*) is invalid or',
    'another drill holds the Lease;',
    '2 usage error, or the cluster flags refused (--confirm, --allow-*); 3 over budget with',
    '--enforce-budget; 130 interrupted.',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(
      `cdtn-drill: unknown command ${JSON.stringify(name)}, expected one of ${Object.keys(COMMANDS).join(', ')}\n\n${usage()}`,
    );
    return EXIT.usage;
  }
  const restoreConsole = consoleRedaction.install();
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `cdtn-drill ${name}: invalid options\n  ${error.message.replaceAll('\n', '\n  ')}\n\n${command.usage}\n`,
      );
      return EXIT.usage;
    }
    if (error instanceof SafetyError) {
      process.stderr.write(`cdtn-drill ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    // K8sError: no kubeconfig, or another drill holds the Lease; ConfigError: an invalid DRILL_* variable.
    if (
      error instanceof RunbookError ||
      error instanceof CoverageError ||
      error instanceof K8sError ||
      error instanceof ConfigError
    ) {
      process.stderr.write(`cdtn-drill ${name}: ${error.message}\n`);
      return EXIT.failed;
    }
    // Not left to Node: it would print the error past the redaction.
    process.stderr.write(`cdtn-drill ${name}: ${inspect(error)}\n`);
    return EXIT.failed;
  } finally {
    restoreConsole();
  }
}
