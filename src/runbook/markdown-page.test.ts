import { describe, expect, it } from 'vitest';
import { readMarkdownPage } from './markdown-page.ts';

describe('readMarkdownPage', () => {
  const page = readMarkdownPage(
    [
      '# Titre #',
      '````md',
      '```mermaid',
      '## not a heading',
      '```',
      '````',
      '~~~sh',
      '# shell comment',
      '~~~',
      '### Étape (tt2)',
      'texte',
    ].join('\n'),
  );

  it('keeps fenced blocks whole, with nested shorter fences and tildes', () => {
    expect(page.blocks.map((b) => [b.info, b.line, b.body.map((l) => l.line)])).toEqual([
      ['md', 2, [3, 4, 5]],
      ['sh', 7, [8]],
    ]);
  });

  it('finds headings only outside code blocks, without closing hashes', () => {
    expect(page.headings).toEqual([
      { level: 1, text: 'Titre', line: 1 },
      { level: 3, text: 'Étape (tt2)', line: 10 },
    ]);
    expect(page.prose.map((l) => l.line)).toEqual([1, 10, 11]);
  });
});
