// Dates of a gantt line read with the chart's `dateFormat` (the dayjs tokens mermaid uses; the
// subset a runbook needs: YYYY, YY, MM, M, DD, D, HH, H, mm, m, ss, s). Parts the format leaves out
// default to 1970-01-01 00:00:00 UTC, so `dateFormat HH` makes "08" eight hours past that origin.

interface Token {
  pattern: string;
  part: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
  twoDigitYear?: boolean;
}

const TOKENS: Record<string, Token> = {
  YYYY: { pattern: '(\\d{4})', part: 'year' },
  YY: { pattern: '(\\d{2})', part: 'year', twoDigitYear: true },
  MM: { pattern: '(\\d{2})', part: 'month' },
  M: { pattern: '(\\d{1,2})', part: 'month' },
  DD: { pattern: '(\\d{2})', part: 'day' },
  D: { pattern: '(\\d{1,2})', part: 'day' },
  HH: { pattern: '(\\d{2})', part: 'hour' },
  H: { pattern: '(\\d{1,2})', part: 'hour' },
  mm: { pattern: '(\\d{2})', part: 'minute' },
  m: { pattern: '(\\d{1,2})', part: 'minute' },
  ss: { pattern: '(\\d{2})', part: 'second' },
  s: { pattern: '(\\d{1,2})', part: 'second' },
};

// Longest tokens first so "YYYY" is not read as two "YY".
const TOKEN_SPLIT = /(YYYY|YY|MM|M|DD|D|HH|H|mm|m|ss|s)/;

export interface DateReader {
  /** Seconds since 1970-01-01T00:00:00Z, or undefined when the text does not fit the format. */
  read(text: string): number | undefined;
}

/** A reader for one `dateFormat`; undefined when the format uses a token outside the subset. */
export function createDateReader(dateFormat: string): DateReader | undefined {
  const tokens: Token[] = [];
  let pattern = '';
  for (const piece of dateFormat.trim().split(TOKEN_SPLIT)) {
    if (piece === '') continue;
    const token = TOKENS[piece];
    if (token) {
      tokens.push(token);
      pattern += token.pattern;
    } else if (/[a-zA-Z]/.test(piece)) {
      return undefined;
    } else {
      pattern += piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  if (tokens.length === 0) return undefined;
  const regex = new RegExp(`^${pattern}$`);
  return {
    read(text) {
      const match = regex.exec(text.trim());
      if (!match) return undefined;
      const parts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
      tokens.forEach((token, index) => {
        const value = Number(match[index + 1]);
        parts[token.part] = token.twoDigitYear ? 2000 + value : value;
      });
      if (!isValid(parts)) return undefined;
      const { year, month, day, hour, minute, second } = parts;
      return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
    },
  };
}

function isValid(p: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}) {
  const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return (
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth &&
    p.hour <= 24 &&
    p.minute < 60 &&
    p.second < 60
  );
}
