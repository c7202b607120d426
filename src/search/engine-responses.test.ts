import { describe, expect, it } from 'vitest';
import {
  BULK_ERRORS_KEPT,
  bulkOperations,
  toAliasMap,
  toBulkResult,
  toSearchResponse,
} from './engine-responses.ts';

describe('engine responses', () => {
  it('builds one index action per document, with its id', () => {
    expect(bulkOperations('i', [{ id: 'a', body: { x: 1 } }])).toEqual([
      { index: { _index: 'i', _id: 'a' } },
      { x: 1 },
    ]);
  });

  it('counts every failed bulk item and keeps the first ones, in request order', () => {
    const documents = Array.from({ length: BULK_ERRORS_KEPT + 3 }, (_, n) => ({ id: `d${n}`, body: {} }));
    const items = documents.map((document, n) => ({
      index:
        n === 0
          ? { _id: document.id, status: 201 }
          : {
              _id: document.id,
              status: 400,
              error: { type: 'mapper_parsing_exception', reason: `bad ${n}` },
            },
    }));
    const result = toBulkResult(items, documents);
    expect(result.indexed).toBe(1);
    expect(result.failed).toBe(documents.length - 1);
    expect(result.errors.map((error) => error.id)).toEqual(
      documents.slice(1, BULK_ERRORS_KEPT + 1).map((d) => d.id),
    );
    expect(result.errors[0]).toEqual({
      id: 'd1',
      status: 400,
      type: 'mapper_parsing_exception',
      reason: 'bad 1',
    });
  });

  it('reads totals in both shapes', () => {
    const hit = { _id: 'a', _index: 'i', _score: 1, _source: { t: 1 } };
    expect(toSearchResponse({ hits: { total: { value: 7 }, hits: [hit] } }).total).toBe(7);
    expect(toSearchResponse({ hits: { total: 3, hits: [hit] } })).toEqual({
      total: 3,
      hits: [{ id: 'a', index: 'i', score: 1, source: { t: 1 } }],
    });
  });

  it('maps aliases to sorted indices, ignoring the error fields of a partial 404', () => {
    const body = {
      'i-2': { aliases: { a: {} } },
      'i-1': { aliases: { a: {}, b: {} } },
      error: 'alias [c] missing',
      status: 404,
    };
    expect(toAliasMap(body)).toEqual({ a: ['i-1', 'i-2'], b: ['i-1'] });
  });
});
