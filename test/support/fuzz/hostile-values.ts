// Values a careless client or an attacker sends: wrong types, null, empty, huge, NUL, odd unicode, deep nesting.
import fc from 'fast-check';
import { Schema } from './openapi-routes';

const nested = (levels: number, open: string, close: string) => JSON.parse(`${open.repeat(levels)}${close.repeat(levels)}`);

export const HOSTILE_SCALARS: unknown[] = [
  null, '', ' ', '\u0000', 'a\u0000b', 'x'.repeat(5_000), '💥\ud800\udfff\u202e', 'ｆｕｌｌ', "' OR 1=1 --", '../../etc/passwd', '%00',
  -1, 0, 1.5, 1e20, -1e20, 2 ** 63, true, false, '1e400', 'NaN', '2025-02-30', '+275760-09-13T00:00:00Z', '00000000-0000-0000-0000-000000000000',
];

const HOSTILE_STRUCTURES: unknown[] = [[], {}, [null], [[]], [{}], { a: 1 }, nested(20, '[', ']'), JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: {} } }];

export const hostileValue = (): fc.Arbitrary<unknown> => fc.constantFrom(...HOSTILE_SCALARS, ...HOSTILE_STRUCTURES);

/** A value that fits the schema well enough to get past the outer checks, so the inner ones are reached. */
export function plausibleValue(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 100_000, 100_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -10, max: schema.maximum ?? 1_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(depth > 3 ? fc.string() : plausibleValue(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 3 ? fc.constant({}) : objectOf(schema, depth + 1);
    default:
      if (schema.format === 'uuid') return fc.uuid();
      return fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('https://example.com/', 'shop', '2026-01-01T00:00:00Z', 'prod', '10.0.0.1:80'));
  }
}

/** An object for the schema whose fields are each left out, plausible, or hostile; sometimes with unknown fields. */
export function objectOf(schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fc.oneof(fc.constant(undefined), plausibleValue(property, depth), hostileValue()).map((value) => [name, value] as const),
  );
  const unknown = fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), hostileValue(), { maxKeys: 2 }), { nil: undefined });
  return fc.tuple(fc.tuple(...fields), unknown).map(([entries, extra]) => ({
    ...Object.fromEntries(entries.filter(([, value]) => value !== undefined)),
    ...extra,
  }));
}

/** A whole request body: usually an object for the schema, sometimes not an object at all. */
export function bodyFor(schema: Schema): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: objectOf(schema) }, { weight: 1, arbitrary: hostileValue() });
}

/** A query value: plausible, hostile (as text), repeated, or bracket-nested. */
export function queryValueFor(schema: Schema): fc.Arbitrary<string | string[]> {
  return fc.oneof(
    plausibleValue(schema).map(String),
    hostileValue().map((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '')),
    fc.constantFrom<string[]>(['1', '2'], ['', '\u0000']),
  );
}
