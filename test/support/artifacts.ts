// JSON an e2e run can leave behind for people to read (an incident as the API gave it), when
// HOPWATCH_E2E_ARTIFACTS names a folder; nothing is written otherwise.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function saveArtifact(name: string, value: unknown): string | null {
  const folder = process.env.HOPWATCH_E2E_ARTIFACTS;
  if (!folder) return null;
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}
