import { decodeCursor } from './check-result.mapper';

const cursor = (text: string) => Buffer.from(text).toString('base64url');

describe('decodeCursor', () => {
  it('reads back a cursor the API gave out', () => {
    expect(decodeCursor(cursor('2026-03-01T10:00:00.000Z|42'))).toEqual({ slot: new Date('2026-03-01T10:00:00.000Z'), id: '42' });
  });

  it.each([
    ['an id past the bigint range', '2026-03-01T10:00:00.000Z|9223372036854775808'],
    ['an id of twenty digits', '2026-03-01T10:00:00.000Z|12345678901234567890'],
    ['a date that does not exist', '2026-02-30T10:00:00.000Z|1'],
    ['a year past 9999', '+275760-09-13T00:00:00.000Z|1'],
    ['a date not in the form the API writes', '2026-03-01|1'],
    ['a negative id', '2026-03-01T10:00:00.000Z|-1'],
    ['extra parts', '2026-03-01T10:00:00.000Z|1|2'],
    ['garbage', '\u0000\u0001'],
  ])('refuses %s', (_label, text) => {
    expect(decodeCursor(cursor(text))).toBeNull();
  });
});
