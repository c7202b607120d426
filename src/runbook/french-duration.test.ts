import { describe, expect, it } from 'vitest';
import { parseFrenchDuration } from './french-duration.ts';

describe('parseFrenchDuration', () => {
  it.each([
    ['~ 5 minutes', 300],
    ['~ 20 minutes', 1200],
    ['environ 1 heure', 3600],
    ['~ 3 heures 30 minutes', 12_600],
    ['3 heures et 30 minutes', 12_600],
    ['2 h 15 min', 8100],
    ['1h30', 5400],
    ['1 h 30', 5400],
    ['20 min', 1200],
    ['~5mn', 300],
    ['1,5 heure', 5400],
    ['une heure et demie', 5400],
    ['une demi-heure', 1800],
    ['2 jours', 172_800],
    ['45 secondes', 45],
  ])('reads %j as %d s', (text, seconds) => {
    expect(parseFrenchDuration(text)).toBe(seconds);
  });

  it('takes the first duration of a sentence, not the sum of all', () => {
    const source =
      "La durée de la mise à jour de la preproduction est d'environ 1 heure, le temps est similaire pour celui de la production.";
    expect(parseFrenchDuration(source)).toBe(3600);
    expect(parseFrenchDuration('5 minutes pour cloner, puis 10 minutes de build')).toBe(300);
  });

  it('does not read units or numbers inside words', () => {
    expect(parseFrenchDuration('5 semaines')).toBe(5 * 604_800);
    expect(parseFrenchDuration('aucune heure précise')).toBeUndefined();
    expect(parseFrenchDuration('quelques minutes')).toBeUndefined();
    expect(parseFrenchDuration('')).toBeUndefined();
  });
});
