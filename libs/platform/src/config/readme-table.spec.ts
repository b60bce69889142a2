import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_VARIABLES } from './cli-environment';
import { VARIABLES } from './config.schema';

describe('README configuration table', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

  it.each([...VARIABLES, ...CLI_VARIABLES].map((variable) => [variable.name, variable.default]))('documents %s with its default', (name, fallback) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row).toMatch(new RegExp(`^\\| \`${name}\` \\| .+ \\| .+ \\|$`));
    if (fallback !== null) expect(row).toContain(`\`${fallback}\``);
  });
});
