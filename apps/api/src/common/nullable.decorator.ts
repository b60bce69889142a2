import 'reflect-metadata';

const NULLABLE_FIELDS = 'hopwatch:nullable-fields';

/** Body fields that may be sent as null, meaning "clear it". Every other field refuses null (see UnsafeValuesPipe). */
export function AcceptsNull(...fields: string[]): ClassDecorator {
  return (target) => Reflect.defineMetadata(NULLABLE_FIELDS, fields, target.prototype);
}

export function nullableFields(dto: unknown): ReadonlySet<string> {
  if (typeof dto !== 'function') return new Set();
  return new Set<string>(Reflect.getMetadata(NULLABLE_FIELDS, dto.prototype) ?? []);
}
