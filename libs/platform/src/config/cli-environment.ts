// What the `hopwatch` CLI and `npm run demo` read from the environment: the server to talk to and the
// variables that `${NAME}` references in hopwatch.yaml stand for.
import { VariableSpec } from './config.schema';

export const CLI_VARIABLES: VariableSpec[] = [
  { name: 'HOPWATCH_URL', description: 'server the hopwatch CLI talks to (or --url)', default: 'http://localhost:3000' },
  { name: 'HOPWATCH_KEY', description: 'API key the hopwatch CLI sends (or --key)', default: null, sensitive: true },
  { name: 'NO_COLOR', description: 'any value turns colour off in the hopwatch CLI (it is only ever on when writing to a terminal)', default: null },
];

export type CliEnvironment = {
  url: string;
  key: string | null;
  noColor: boolean;
  /** Every variable, for `${NAME}` references in a config file and for the processes the demo starts. */
  variables: Readonly<Record<string, string | undefined>>;
};

export function loadCliEnvironment(env: Record<string, string | undefined> = process.env): CliEnvironment {
  return {
    url: env.HOPWATCH_URL?.trim() || 'http://localhost:3000',
    key: env.HOPWATCH_KEY?.trim() || null,
    noColor: env.NO_COLOR !== undefined && env.NO_COLOR !== '',
    variables: { ...env },
  };
}
