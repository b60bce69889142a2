// `hopwatch export > hopwatch.yaml`: the server's configuration in the file format apply reads.
import { exportConfig } from '@hopwatch/domain';
import { stringify } from 'yaml';
import { readRemoteState } from '../api/remote-state.reader';
import { CliContext } from '../cli-context';

export async function exportCommand(context: CliContext): Promise<void> {
  const config = exportConfig(await readRemoteState(context.api));
  if (context.output === 'json') return context.printJson(config);
  const schemaUrl = `${context.api.baseUrl}/api/v1/schema/config.json`;
  context.io.stdout(`# yaml-language-server: $schema=${schemaUrl}\n# Exported from ${context.api.baseUrl}. Replace secrets with \${ENV_VARIABLE} references before committing.\n${stringify(config, { lineWidth: 0 })}`);
}
