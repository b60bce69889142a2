// Values no field may hold, whatever its DTO says: a NUL character (PostgreSQL refuses it in text) and
// null where a field cannot be cleared (class-validator's IsOptional lets null through to NOT NULL columns).

/** `root` names the whole value in messages (`body`, `query`, or a path parameter's name). */
export type UnsafeValueRules = { root: string; refuseNull: boolean; nullableFields: ReadonlySet<string> };

/** "field reason" messages for every unsafe value in a parsed body or query, with paths like `hops.0.name`. */
export function unsafeValues(value: unknown, rules: UnsafeValueRules): string[] {
  const problems: string[] = [];
  visit(value, '', rules, problems);
  return problems;
}

function visit(value: unknown, path: string, rules: UnsafeValueRules, problems: string[]): void {
  const field = path || rules.root;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) problems.push(`${field} must not contain NUL characters`);
    return;
  }
  if (value === null) {
    const key = path.split('.').pop() ?? '';
    if (rules.refuseNull && !(isTopLevelKey(path) && rules.nullableFields.has(key))) {
      problems.push(`${field} must not be null; leave it out instead`);
    }
    return;
  }
  if (typeof value !== 'object') return;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    if (key.includes('\u0000')) problems.push(`${path ? `${path}.` : ''}${key.replace(/\u0000/g, '\\0')} must not contain NUL characters`);
    visit(item, path ? `${path}.${key}` : key, rules, problems);
  }
}

function isTopLevelKey(path: string): boolean {
  return !path.includes('.');
}
