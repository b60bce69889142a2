import { bodySnippet, judgeAnswer } from './http-verdict';

describe('judgeAnswer', () => {
  it.each([
    { name: 'a status inside the range passes', expectStatus: '200-399', status: 301, body: '', bodyContains: null, code: null },
    { name: 'a status outside the range', expectStatus: '200-299', status: 502, body: '', bodyContains: null, code: 'STATUS_MISMATCH' },
    { name: 'a listed status family', expectStatus: '2xx,503', status: 503, body: '', bodyContains: null, code: null },
    { name: 'a body with the text', expectStatus: '200', status: 200, body: 'hello world', bodyContains: 'world', code: null },
    { name: 'a body without the text', expectStatus: '200', status: 200, body: 'hello', bodyContains: 'world', code: 'BODY_MISMATCH' },
    { name: 'a status mismatch wins over the body', expectStatus: '200', status: 500, body: 'hello', bodyContains: 'world', code: 'STATUS_MISMATCH' },
    { name: 'an unparseable expectation', expectStatus: 'ok', status: 200, body: '', bodyContains: null, code: 'UNKNOWN' },
  ])('$name → $code', ({ expectStatus, status, body, bodyContains, code }) => {
    expect(judgeAnswer({ expectStatus, bodyContains }, status, Buffer.from(body))?.code ?? null).toBe(code);
  });
});

describe('bodySnippet', () => {
  it('is null below 500', () => {
    expect(bodySnippet(404, Buffer.from('missing'), 2048)).toBeNull();
  });

  it('never cuts a multi-byte character in half', () => {
    const snippet = bodySnippet(502, Buffer.from('aé'), 2);
    expect(snippet).toBe('a');
  });
});
