export { main, usage } from './main.ts';
export { COMMANDS, type Command } from './commands.ts';
export { EXIT, type ExitCode } from './exit-codes.ts';
export {
  parseCommandOptions,
  splitIds,
  UsageError,
  type OptionProblem,
  type OptionSpec,
  type ParsedOptions,
} from './command-options.ts';
