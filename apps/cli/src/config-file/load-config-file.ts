// Reads hopwatch.yaml: YAML syntax, `${NAME}` references, then the JSON Schema; every problem with its line and column.
import { readFile } from 'node:fs/promises';
import { ConfigFile } from '@hopwatch/domain';
import { LineCounter, parseDocument } from 'yaml';
import { CliError, EXIT } from '../exit-codes';
import { Expansion, expandVariables, redactSubstitutions } from './expand-variables';
import { schemaProblems } from './schema-validator';
import { fieldName, FilePath, formatProblem, LocatedProblem, locate } from './source-location';

export type LoadedConfig = {
  file: string;
  config: ConfigFile;
  /** Where a path into the file is, for problems found later (by the plan or the server). */
  locate(path: FilePath, message: string): LocatedProblem;
  /** Text to print with every value taken from the environment shown as its `${NAME}` reference. */
  redact(text: string): string;
};

export async function loadConfigFile(file: string, variables: Readonly<Record<string, string | undefined>>): Promise<LoadedConfig> {
  const text = await readText(file);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const position = error.linePos?.[0] ?? { line: 1, col: 1 };
      return `${file}:${position.line}:${position.col}: ${error.message.split('\n')[0]}`;
    });
    throw new CliError(EXIT.invalidConfig, problems.join('\n'));
  }
  const at = (path: FilePath, message: string, key?: string): LocatedProblem => ({ file, ...locate(document, lines, key === undefined ? path : path.slice(0, -1), key), field: fieldName(path), message });
  const expansion: Expansion = { missing: [], substitutions: [] };
  const config = expandVariables(document.toJS() ?? {}, variables, expansion);
  const problems = [
    ...expansion.missing.map((reference) => at(reference.path, `refers to \${${reference.name}}, which is not set in the environment`)),
    ...schemaProblems(config).map((problem) => at(problem.path, problem.message, problem.key)),
  ];
  if (problems.length > 0) throw invalidConfig(problems);
  return { file, config: config as ConfigFile, locate: (path, message) => at(path, message), redact: (text) => redactSubstitutions(text, expansion.substitutions) };
}

export function invalidConfig(problems: LocatedProblem[]): CliError {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  return new CliError(EXIT.invalidConfig, sorted.map(formatProblem).join('\n'));
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(EXIT.invalidConfig, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

