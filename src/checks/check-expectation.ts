// Compares an HTTP answer with what the configuration calls a good answer.
import type { Expectation } from '../config/index.ts';
import type { FailureKind } from './probe-result.ts';

export interface ExpectationMismatch {
  kind: FailureKind;
  expected: string;
  found: string;
}

export interface Answer {
  status: number;
  statusText: string;
  contentType: string;
  text: string;
}

export function checkExpectation(answer: Answer, expect: Expectation): ExpectationMismatch | undefined {
  if (!expect.status.includes(answer.status)) {
    return {
      kind: answer.status >= 500 ? 'server-error' : 'unexpected-status',
      expected: `HTTP ${expect.status.join(' or ')}`,
      found: `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`,
    };
  }
  if (expect.contentType && !answer.contentType.includes(expect.contentType)) {
    return wrong(`content type ${expect.contentType}`, answer.contentType || 'no content type');
  }
  if (expect.text && !answer.text.includes(expect.text)) {
    return wrong(`a body containing "${expect.text}"`, excerpt(answer.text));
  }
  if (expect.json) return checkJson(answer.text, expect.json);
  return undefined;
}

function checkJson(text: string, rule: NonNullable<Expectation['json']>): ExpectationMismatch | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return wrong('a JSON body', excerpt(text));
  }
  const field = rule.path === '' ? 'the body' : `field ${rule.path}`;
  const value = rule.path === '' ? body : pick(body, rule.path);
  if (value === undefined) return wrong(`${field} to be present`, excerpt(text));
  if (rule.nonEmpty && isEmpty(value))
    return wrong(`${field} to be non-empty`, excerpt(JSON.stringify(value)));
  if (rule.equals !== undefined && value !== rule.equals) {
    return wrong(`${field} = ${JSON.stringify(rule.equals)}`, JSON.stringify(value));
  }
  return undefined;
}

/** A dot path into JSON (`results.0.siren`). */
export function pick(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function wrong(expected: string, found: string): ExpectationMismatch {
  return { kind: 'wrong-content', expected, found };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return 'an empty body';
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 77)}...` : flat);
}
