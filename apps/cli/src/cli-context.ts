// What every command gets: the API client, where to write, and how (json or table, colour or not).
import { CliEnvironment } from '@hopwatch/platform';
import { ApiClient, createApiClient } from './api/api-client';
import { CliError, EXIT } from './exit-codes';
import { createStyle, Style } from './output/style';

export type OutputFormat = 'table' | 'json';

export type CliIo = {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal: colour is only ever used there. */
  isTTY: boolean;
  environment: CliEnvironment;
};

export type GlobalOptions = { url: string; key?: string; output: string; color: boolean };

export type CliContext = { api: ApiClient; io: CliIo; style: Style; output: OutputFormat; print(text: string): void; printJson(value: unknown): void };

export function createContext(options: GlobalOptions, io: CliIo): CliContext {
  if (options.output !== 'table' && options.output !== 'json') throw new CliError(EXIT.usage, `--output must be json or table, got "${options.output}"`);
  const colour = options.color && io.isTTY && !io.environment.noColor;
  return {
    api: createApiClient(options.url, options.key ?? io.environment.key),
    io,
    style: createStyle(colour),
    output: options.output,
    print: (text) => io.stdout(`${text}\n`),
    printJson: (value) => io.stdout(`${JSON.stringify(value, null, 2)}\n`),
  };
}
