// Field-by-field differences between two plain values, the way `terraform plan` lists them.
export type FieldChange = { path: string; before: unknown; after: unknown };

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNamedList = (value: unknown): value is Plain[] => Array.isArray(value) && value.every((item) => isPlain(item) && typeof item.name === 'string');

export function sameValue(before: unknown, after: unknown): boolean {
  return canonicalJson(before) === canonicalJson(after);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    isPlain(field) ? Object.fromEntries(Object.keys(field).sort().map((key) => [key, field[key]])) : field);
}

/** Objects recurse by key, lists of named objects (hops) by name, anything else is compared whole. */
export function diffFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (sameValue(before, after)) return [];
  if (isPlain(before) && isPlain(after)) return diffObjects(before, after, path);
  if (isNamedList(before) && isNamedList(after) && before.length + after.length > 0) return diffNamedLists(before, after, path);
  return [{ path, before, after }];
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function diffObjects(before: Plain, after: Plain, path: string): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((key) => diffFields(before[key], after[key], join(path, key)));
}

function diffNamedLists(before: Plain[], after: Plain[], path: string): FieldChange[] {
  const byName = (items: Plain[]) => new Map(items.map((item) => [item.name as string, item]));
  const [old, next] = [byName(before), byName(after)];
  const names = [...new Set([...old.keys(), ...next.keys()])];
  const changes = names.flatMap((name) => diffFields(old.get(name), next.get(name), join(path, name)));
  const order = (items: Plain[]) => items.map((item) => item.name).filter((name) => old.has(name as string) && next.has(name as string));
  if (!sameValue(order(before), order(after))) changes.push({ path: `${path} (order)`, before: before.map((item) => item.name), after: after.map((item) => item.name) });
  return changes;
}
