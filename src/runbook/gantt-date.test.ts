import { describe, expect, it } from 'vitest';
import { createDateReader } from './gantt-date.ts';

const read = (format: string, text: string) => createDateReader(format)!.read(text);

describe('createDateReader', () => {
  it('reads hours alone from the epoch origin (dateFormat HH)', () => {
    expect(read('HH', '08')).toBe(8 * 3600);
    expect(read('HH', '09')! - read('HH', '08')!).toBe(3600);
  });

  it('reads calendar dates and times of day', () => {
    expect(read('YYYY-MM-DD', '2024-03-01')).toBe(Date.UTC(2024, 2, 1) / 1000);
    expect(read('HH:mm', '08:30')).toBe(8 * 3600 + 30 * 60);
    expect(read('YYYY-MM-DD HH:mm', '2024-03-01 10:15')).toBe(Date.UTC(2024, 2, 1, 10, 15) / 1000);
    expect(read('DD/MM/YY', '01/03/24')).toBe(Date.UTC(2024, 2, 1) / 1000);
  });

  it('rejects text that does not fit the format or is no real date', () => {
    expect(read('HH', '8')).toBeUndefined();
    expect(read('HH', '5m')).toBeUndefined();
    expect(read('HH:mm', '08:75')).toBeUndefined();
    expect(read('YYYY-MM-DD', '2024-02-30')).toBeUndefined();
    expect(read('YYYY-MM-DD', '2024-03-01x')).toBeUndefined();
  });

  it('refuses formats outside the subset', () => {
    expect(createDateReader('X')).toBeUndefined();
    expect(createDateReader('YYYY-MM-DDTHH:mm')).toBeUndefined();
    expect(createDateReader('--')).toBeUndefined();
  });
});
