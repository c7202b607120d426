// The table `npm run bench` prints: one line per figure (value, unit, target, met), then each
// part's facts and failures, under a header naming the machine and the date.
import { MIB, type BenchFigure, type BenchResults } from './bench-results.ts';

const HEADERS = ['part', 'figure', 'value', 'unit', 'target', 'met', 'how'] as const;

export function formatBenchTable(results: BenchResults): string {
  const { machine } = results;
  const lines = [
    `bench of ${results.date} (${results.seconds.toFixed(0)} s, ${results.revision}) on ${machine.nproc} × ${machine.cpuModel}, ` +
      `${(machine.memoryBytes / 1024 / MIB).toFixed(1)} GiB, load ${machine.loadAverage.join(' ')}, ` +
      `${machine.os}, node ${machine.node}`,
    `versions: ${Object.entries(machine.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join('; ')}`,
    '',
  ];
  const rows: string[][] = [];
  for (const part of results.parts) {
    if (part.status === 'failed')
      rows.push([part.part, 'FAILED', '', '', '', '', firstLine(part.error ?? 'no error message')]);
    for (const entry of part.figures) rows.push([part.part, ...figureCells(entry)]);
  }
  const { speed } = results;
  if (speed.ratio) rows.push(['speed', ...figureCells(speed.ratio)]);
  lines.push(...alignColumns([[...HEADERS], ...rows]), '');
  lines.push(
    `speed: drill ${speed.drillSeconds ?? '?'} s against raw baselines ${speed.baselineSeconds} s (` +
      speed.baselines.map((baseline) => `${baseline.name} ${baseline.seconds} s`).join(', ') +
      ')' +
      (speed.missing.length ? `; no ratio: ${speed.missing.join(', ')}` : ''),
  );
  for (const part of results.parts) {
    lines.push(`${part.part}: ${part.status} in ${part.seconds.toFixed(1)} s, ${part.repetition}`);
    for (const [key, value] of Object.entries(part.facts)) lines.push(`  ${key}: ${indent(value)}`);
    if (part.error) lines.push(`  error: ${indent(part.error)}`);
  }
  return lines.join('\n');
}

function figureCells(entry: BenchFigure): string[] {
  const target = entry.target ? `${entry.target.comparison === '<=' ? '≤' : '≥'} ${entry.target.value}` : '';
  const met = entry.met === undefined ? '' : entry.met ? 'yes' : 'NO';
  return [entry.name, formatValue(entry.value), entry.unit, target, met, entry.note ?? ''];
}

/** Integers with thin grouping for readability; decimals as recorded. */
export function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US').replaceAll(',', ' ') : String(value);
}

/** Pads every column to its widest cell; the value column is right-aligned. */
function alignColumns(rows: string[][]): string[] {
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat((widths[column] ?? 0) - [...cell].length);
        return HEADERS[column] === 'value' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function indent(text: string): string {
  return text.replaceAll('\n', '\n    ');
}
