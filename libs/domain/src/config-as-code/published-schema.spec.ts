import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SCHEMA } from './config-schema';

describe('the JSON Schema published in the repository', () => {
  it('is the one the CLI and the API use (regenerate with `npx hopwatch schema > schema/hopwatch.schema.json`)', () => {
    const published = readFileSync(join(__dirname, '..', '..', '..', '..', 'schema', 'hopwatch.schema.json'), 'utf8');
    expect(JSON.parse(published)).toEqual(CONFIG_SCHEMA);
  });
});
