// Sends documents to one index in bulk batches (400, as export-elasticsearch), one request in
// flight while the next batch is prepared, and accounts for every item: a batch with failed items
// stops the load with an error listing the first failures and their document ids.
import type { BulkDocument, BulkItemError, SearchEngine } from '../search/search-engine.ts';
import { ExportError } from './export-error.ts';

export const BULK_BATCH_SIZE = 400;
const LISTED_ERRORS = 5;

export interface BulkLoaderOptions {
  task: string;
  batchSize?: number;
  signal?: AbortSignal;
}

export class BulkLoader {
  readonly #search: SearchEngine;
  readonly #index: string;
  readonly #task: string;
  readonly #batchSize: number;
  readonly #signal: AbortSignal | undefined;
  #pending: BulkDocument[] = [];
  #inFlight: Promise<void> = Promise.resolve();
  #batches = 0;
  #indexed = 0;

  constructor(search: SearchEngine, index: string, options: BulkLoaderOptions) {
    this.#search = search;
    this.#index = index;
    this.#task = options.task;
    this.#batchSize = options.batchSize ?? BULK_BATCH_SIZE;
    this.#signal = options.signal;
  }

  get indexed(): number {
    return this.#indexed;
  }

  async add(documents: Iterable<BulkDocument>): Promise<void> {
    for (const document of documents) {
      this.#pending.push(document);
      if (this.#pending.length >= this.#batchSize) await this.#send();
    }
  }

  /** Sends what is left and waits for every request; returns the number of documents indexed. */
  async finish(): Promise<number> {
    if (this.#pending.length > 0) await this.#send();
    await this.#inFlight;
    return this.#indexed;
  }

  async #send(): Promise<void> {
    this.#signal?.throwIfAborted();
    const batch = this.#pending;
    this.#pending = [];
    const number = ++this.#batches;
    // Wait for the previous request (and surface its failure) before starting the next one.
    await this.#inFlight;
    const request = this.#bulk(batch, number);
    request.catch(() => undefined); // observed by the next #send or finish()
    this.#inFlight = request;
  }

  async #bulk(batch: BulkDocument[], number: number): Promise<void> {
    let result;
    try {
      result = await this.#search.bulkIndex(this.#index, batch);
    } catch (error) {
      throw new ExportError({
        task: this.#task,
        object: `index ${this.#index}`,
        problem: `bulk batch ${number} (${batch.length} documents) failed`,
        cause: error,
      });
    }
    this.#indexed += result.indexed;
    if (result.failed > 0) {
      throw new ExportError({
        task: this.#task,
        object: `index ${this.#index}`,
        problem: `bulk batch ${number}: ${result.failed} of ${batch.length} documents rejected`,
        expected: '0 rejected',
        found: `first: ${describeItemErrors(result.errors)}`,
      });
    }
  }
}

function describeItemErrors(errors: BulkItemError[]): string {
  return errors
    .slice(0, LISTED_ERRORS)
    .map(({ id, status, type, reason }) => `[${id}] ${status} ${type}: ${reason}`)
    .join('; ');
}
