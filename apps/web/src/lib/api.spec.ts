import { describe, expect, it } from '@jest/globals';
import { ApiError, fieldMessages, query } from './api';

const known = (field: string) => ['url', 'hops.0.url', 'detection.rateWindow'].includes(field);

describe('fieldMessages', () => {
  it.each([
    { name: 'a 400 naming a known field', error: new ApiError(400, ['url must be an http:// or https:// URL']), byField: { url: ['url must be an http:// or https:// URL'] }, general: [] },
    { name: 'two messages for one nested field', error: new ApiError(400, ['hops.0.url must be a URL', 'hops.0.url must be shorter']), byField: { 'hops.0.url': ['hops.0.url must be a URL', 'hops.0.url must be shorter'] }, general: [] },
    { name: 'a 400 naming no known field', error: new ApiError(400, ['body is not valid JSON']), byField: {}, general: ['body is not valid JSON'] },
    { name: 'a 403, whose words name no field', error: new ApiError(403, ['url may not be changed by a read key']), byField: {}, general: ['url may not be changed by a read key'] },
    { name: 'something that is not an API error', error: new Error('boom'), byField: {}, general: ['Something went wrong; try again.'] },
    { name: 'no error', error: null, byField: {}, general: [] },
  ])('$name', ({ error, byField, general }) => {
    const result = fieldMessages(error, known);
    expect(Object.fromEntries(result.byField)).toEqual(byField);
    expect(result.general).toEqual(general);
  });
});

describe('query', () => {
  it.each([
    { params: {}, expected: '' },
    { params: { limit: 50, offset: 0 }, expected: '?limit=50&offset=0' },
    { params: { tag: undefined, status: null, q: '' }, expected: '' },
    { params: { from: '2026-01-01T00:00:00Z' }, expected: '?from=2026-01-01T00%3A00%3A00Z' },
  ])('$expected', ({ params, expected }) => expect(query(params)).toBe(expected));
});
