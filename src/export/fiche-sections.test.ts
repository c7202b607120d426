import { describe, expect, it } from 'vitest';
import { fichePrefix, isIndexedSection, sectionTitle } from './fiche-sections.ts';

describe('fiche sections', () => {
  it('prefixes section titles with the acronym in parentheses, else the part before the colon', () => {
    expect(fichePrefix('Le contrat de sécurisation professionnelle (CSP)')).toBe('CSP');
    expect(fichePrefix('La rupture conventionnelle : procédure')).toBe('La rupture conventionnelle');
    expect(fichePrefix('5 questions sur le télétravail')).toBe('le télétravail');
  });

  it('builds "<prefix> : <section>" without numbering or "Question n :"', () => {
    expect(sectionTitle('CSP', 'Question 2 : Qui peut en bénéficier ?')).toBe(
      'CSP : qui peut en bénéficier ?',
    );
    expect(sectionTitle('CSP', '1) Les conditions')).toBe('CSP : les conditions');
    expect(sectionTitle('CSP', 'Le CSP en bref')).toBe('Le CSP en bref');
  });

  it('leaves navigation sections out of the index', () => {
    expect(isIndexedSection('Textes de référence')).toBe(false);
    expect(isIndexedSection("L'info en plus")).toBe(false);
    expect(isIndexedSection('Pour aller plus loin')).toBe(false);
    expect(isIndexedSection('Quelles sont les conditions ?')).toBe(true);
  });
});
