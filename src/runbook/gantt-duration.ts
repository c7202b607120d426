// Mermaid gantt durations ("5m", "1h", "1.5d", "2w", "30s", "500ms") in seconds.

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
};

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;

/** Seconds for a gantt duration, or undefined when the text is not one. */
export function parseGanttDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const [, amount, unit] = match;
  return Number(amount) * UNIT_SECONDS[unit as string]!;
}

/** Whether the text has the shape of a duration (a number and a letter), right or wrong. */
export function looksLikeDuration(text: string): boolean {
  return /^\d+(?:[.,]\d+)?\s*[a-zA-Z]+$/.test(text.trim());
}
