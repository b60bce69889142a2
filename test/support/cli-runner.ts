// Runs the hopwatch CLI in this process against a server, capturing what it prints and its exit code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../apps/cli/src/program';
import { loadCliEnvironment } from '@hopwatch/platform';

export type CliRun = { code: number; stdout: string; stderr: string };

export function cliRunner(url: string, key: string, variables: Record<string, string> = {}) {
  const directory = mkdtempSync(join(tmpdir(), 'hopwatch-cli-'));
  return {
    /** Writes a config file into a private directory and returns its path. */
    file(name: string, text: string): string {
      const path = join(directory, name);
      writeFileSync(path, text);
      return path;
    },
    async run(args: string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}): Promise<CliRun> {
      let stdout = '';
      let stderr = '';
      const environment = loadCliEnvironment({ HOPWATCH_URL: url, HOPWATCH_KEY: key, PATH: '/usr/bin', ...variables, ...options.env });
      const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: options.isTTY ?? false, environment });
      return { code, stdout, stderr };
    },
  };
}
