import { describe, expect, it } from 'vitest';
import {
  BULK_ERRORS_KEPT,
  bulkOperations,
  sourceOrMissing,
  toAliasMap,
  toBulkResult,
  toIndexNames,
  toSearchResponse,
} from './engine-responses.ts';

describe('engine responses', () => {
  it('reads index names from _cat/indices rows, sorted, and none from a 404 body', () => {
    expect(toIndexNames([{ index: 'b' }, {}, { index: 'a' }])).toEqual(['a', 'b']);
    expect(toIndexNames({ error: 'index_not_found_exception', status: 404 })).toEqual([]);
  });

  it('answers undefined for a missing document and rethrows a missing index', async () => {
    const missing = (found?: boolean) => async () => {
      throw Object.assign(new Error('404'), { meta: { statusCode: 404 }, body: { found } });
    };
    expect(await sourceOrMissing(missing(false))).toBeUndefined();
    await expect(sourceOrMissing(missing(undefined))).rejects.toThrow('404');
    expect(await sourceOrMissing(async () => ({ title: 't' }))).toEqual({ title: 't' });
  });

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
