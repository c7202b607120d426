// Durations as the runbook's prose writes them, in seconds: "~ 5 minutes", "environ 1 heure",
// "~ 3 heures 30 minutes", "1h30", "1 h 30", "20 min", "une demi-heure", "2 jours".
// The first duration of the text counts; its parts run on while only spaces, "et" or "," separate
// them ("3 heures et 30 minutes"), so a second sentence with another duration is not added to it.

const UNITS: [RegExp, number][] = [
  [/^(semaines?|sem)$/, 604_800],
  [/^(jours?|j)$/, 86_400],
  [/^(heures?|h)$/, 3_600],
  [/^(minutes?|min|mn)$/, 60],
  [/^(secondes?|sec|s)$/, 1],
];

const NUMBER = String.raw`\d+(?:[.,]\d+)?|une?|demi-?`;
const UNIT = String.raw`semaines?|sem|jours?|j|heures?|h|minutes?|min|mn|secondes?|sec|s`;
// A number, then a unit not followed by a letter (so "5 semaines" is not "5 s"; "1h30" is "1 h").
const PART = new RegExp(String.raw`(?<![\p{L}\d])(${NUMBER})\s*(${UNIT})(?!\p{L})`, 'giu');

/** Seconds for the first duration in a French sentence, or undefined when it has none. */
export function parseFrenchDuration(text: string): number | undefined {
  const lower = text.toLowerCase();
  let total: number | undefined;
  let end = 0;
  let lastUnit = 0;
  for (const match of lower.matchAll(PART)) {
    if (total !== undefined && !/^\s*(?:,|et)?\s*$/.test(lower.slice(end, match.index))) break;
    lastUnit = unitSeconds(match[2]!);
    total = (total ?? 0) + amount(match[1]!) * lastUnit;
    end = match.index + match[0].length;
  }
  if (total === undefined) return undefined;
  // "1h30", "2 h 15": a bare number after hours counts as minutes; "et demie" adds half a unit.
  const rest = lower.slice(end);
  const bareMinutes = lastUnit === 3_600 ? /^\s*(\d{1,2})(?![\p{L}\d])/u.exec(rest) : null;
  if (bareMinutes) return total + Number(bareMinutes[1]) * 60;
  if (/^\s*et demie?\b/.test(rest)) return total + lastUnit / 2;
  return total;
}

function amount(text: string): number {
  if (text === 'un' || text === 'une') return 1;
  if (text.startsWith('demi')) return 0.5;
  return Number(text.replace(',', '.'));
}

function unitSeconds(text: string): number {
  return UNITS.find(([pattern]) => pattern.test(text))![1];
}
