// `${NAME}` in any string of the file stands for that environment variable, so secrets stay out of the file;
// `$${` writes a literal `${`.
import { FilePath } from './source-location';

export type MissingVariable = { path: FilePath; name: string };

/** A value the file took from the environment: shown as its reference, never in clear, in plans. */
export type Substitution = { name: string; value: string };

export type Expansion = { missing: MissingVariable[]; substitutions: Substitution[] };

const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function expandVariables(value: unknown, variables: Readonly<Record<string, string | undefined>>, expansion: Expansion, path: FilePath = []): unknown {
  if (typeof value === 'string') {
    return value.replace(REFERENCE, (match, name: string | undefined) => {
      if (name === undefined) return '${';
      const found = variables[name];
      if (found === undefined) expansion.missing.push({ path, name });
      else expansion.substitutions.push({ name, value: found });
      return found ?? match;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => expandVariables(item, variables, expansion, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandVariables(item, variables, expansion, [...path, key])]));
  }
  return value;
}

/** Puts `${NAME}` back wherever an environment value would be printed (values under 4 characters are too common to hide). */
export function redactSubstitutions(text: string, substitutions: Substitution[]): string {
  const longestFirst = [...substitutions].filter((entry) => entry.value.length >= 4).sort((a, b) => b.value.length - a.value.length);
  return longestFirst.reduce((redacted, entry) => redacted.split(entry.value).join(`\${${entry.name}}`), text);
}
