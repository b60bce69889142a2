// `${NAME}` in any string of the file stands for that environment variable, so secrets stay out of the file;
// `$${` writes a literal `${`.
import { FilePath } from './source-location';

export type MissingVariable = { path: FilePath; name: string };

const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function expandVariables(value: unknown, variables: Readonly<Record<string, string | undefined>>, missing: MissingVariable[], path: FilePath = []): unknown {
  if (typeof value === 'string') {
    return value.replace(REFERENCE, (match, name: string | undefined) => {
      if (name === undefined) return '${';
      const found = variables[name];
      if (found === undefined) missing.push({ path, name });
      return found ?? match;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => expandVariables(item, variables, missing, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandVariables(item, variables, missing, [...path, key])]));
  }
  return value;
}
