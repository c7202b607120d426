// Raised when a guard refuses an action; the message names the action and the missing flag.
export class SafetyError extends Error {
  override name = 'SafetyError';
}
