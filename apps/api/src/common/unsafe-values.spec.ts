import { unsafeValues } from './unsafe-values';

const body = { root: 'body', refuseNull: true, nullableFields: new Set(['bodyContains']) };
const query = { root: 'query', refuseNull: false, nullableFields: new Set<string>() };

describe('unsafeValues', () => {
  it.each([
    ['a clean body', { name: 'shop', hops: [{ name: 'a' }] }, body, []],
    ['null for a field', { name: null }, body, ['name must not be null; leave it out instead']],
    ['null for a nullable field', { bodyContains: null }, body, []],
    ['null nested under a nullable name', { hops: [{ bodyContains: null }] }, body, ['hops.0.bodyContains must not be null; leave it out instead']],
    ['null inside an array', { tags: ['a', null] }, body, ['tags.1 must not be null; leave it out instead']],
    ['a body that is null', null, body, ['body must not be null; leave it out instead']],
    ['NUL in a value', { name: 'a\u0000b' }, body, ['name must not contain NUL characters']],
    ['NUL deep inside', { dns: { resolvers: ['x\u0000'] } }, body, ['dns.resolvers.0 must not contain NUL characters']],
    ['NUL in a key', { 'a\u0000': 1 }, body, ['a\\0 must not contain NUL characters']],
    ['NUL in a query value', { tag: 'prod\u0000' }, query, ['tag must not contain NUL characters']],
    ['a path parameter with NUL', 'abc\u0000', { ...query, root: 'id' }, ['id must not contain NUL characters']],
  ])('%s', (_label, value, rules, expected) => {
    expect(unsafeValues(value, rules)).toEqual(expected);
  });
});
