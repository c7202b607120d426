import { describe, expect, it } from 'vitest';
import { redactHeaders, redactSecrets, redactUrl, secretsOf } from '../../src/checks/index.ts';

describe('redactUrl', () => {
  it('masks userinfo, secret query parameters and webhook keys, and keeps the rest', () => {
    const url = 'https://bob:hunter22@api.example.test/search?q=travail&token=s3cr3t-t0k&api_key=k3y-v4lue';
    const shown = redactUrl(url);
    expect(shown).toBe('https://***:***@api.example.test/search?q=travail&token=***&api_key=***');
    expect(redactUrl('https://chat.example.test/hooks/abcd1234efgh')).toBe(
      'https://chat.example.test/hooks/***',
    );
  });

  it('masks an unparsable URL whole rather than risk printing it', () => {
    expect(redactUrl('not a url with s3cr3t')).toBe('***');
  });
});

describe('redactHeaders', () => {
  it('masks credentials and keeps the other headers', () => {
    const headers = { authorization: 'Bearer ghp_abc123', accept: 'application/json', 'x-api-key': 'zzz999' };
    expect(redactHeaders(headers)).toEqual({
      authorization: '***',
      accept: 'application/json',
      'x-api-key': '***',
    });
  });
});

describe('redactSecrets', () => {
  it('redacts every URL in a text and every known secret value', () => {
    const url = 'https://u:pa55word@h.test/x?access_token=tok-1234';
    const headers = { Authorization: 'Bearer ghp_secret_value' };
    const text = `failed ${url} with ghp_secret_value (pa55word)`;
    const out = redactSecrets(text, secretsOf(url, headers));
    for (const secret of ['pa55word', 'tok-1234', 'ghp_secret_value']) expect(out).not.toContain(secret);
    expect(out).toContain('https://***:***@h.test/x?access_token=***');
  });
});
