import { jsonDepth, MAX_JSON_DEPTH, refuseDeepJson } from './json-depth';

describe('jsonDepth', () => {
  it.each([
    ['a scalar', '42', 0],
    ['an empty object', '{}', 1],
    ['an object in an array', '[{"a":1}]', 2],
    ['brackets inside a string', '{"a":"[[[[{{{{"}', 1],
    ['an escaped quote before brackets', '{"a":"\\"[[["}', 1],
    ['siblings at one level', '[[1],[2],[3]]', 2],
    ['thousands of brackets', '['.repeat(5000), 5000],
  ])('%s → %d', (_label, text, expected) => {
    expect(jsonDepth(text)).toBe(expected);
  });

  it('refuses a body deeper than the limit and lets the limit itself through', () => {
    const nested = (levels: number) => Buffer.from(`${'['.repeat(levels)}${']'.repeat(levels)}`);
    expect(() => refuseDeepJson(null, null, nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => refuseDeepJson(null, null, nested(MAX_JSON_DEPTH + 1))).toThrow(/deeper than 32 levels/);
  });
});
