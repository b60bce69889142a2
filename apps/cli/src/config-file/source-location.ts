// Turns a path into hopwatch.yaml (["sites", 0, "hops", 1, "role"]) into "file:line:column" and a field name.
import { Document, isMap, isScalar, LineCounter, Node } from 'yaml';

export type FilePath = (string | number)[];

export type LocatedProblem = { file: string; line: number; column: number; field: string; message: string };

export function fieldName(path: FilePath): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '') || '(the file)';
}

/** The deepest node the path reaches; with `key`, the key of that field in its map (for fields that should not be there). */
export function locate(document: Document, lines: LineCounter, path: FilePath, key?: string): { line: number; column: number } {
  let node: unknown = document.contents;
  for (const part of path) {
    const next = (node as { get?: (key: unknown, keepScalar: boolean) => unknown }).get?.(part, true);
    if (next === undefined) break;
    node = next;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair && isScalar(pair.key)) node = pair.key;
  }
  const offset = (node as Node | null)?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

export function formatProblem(problem: LocatedProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.field}: ${problem.message}`;
}
