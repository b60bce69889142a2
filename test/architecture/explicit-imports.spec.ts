// Modules say what they need (issue #15): none of ours is global, so a provider is only reachable through
// an import, and a module that forgets one fails at boot (the e2e specs boot every role) instead of working
// by accident. Third-party modules that register themselves globally (TypeORM's core, the throttler) are theirs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const GLOBAL_MODULE = /@Global\(\)|\bglobal:\s*true\b|\bisGlobal:\s*true\b/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = ['apps', 'libs'].flatMap((top) => sourceFiles(join(ROOT, top))).map((path) => ({ file: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

describe('modules import what they use', () => {
  it('reads the infrastructure modules', () => {
    const read = files.map(({ file }) => file);
    for (const module of ['libs/db/src/db.module.ts', 'libs/queue/src/queue.module.ts', 'libs/platform/src/config/config.module.ts', 'libs/runtime/src/target-policy.module.ts']) {
      expect(read).toContain(module);
    }
  });

  it('declares no module of ours global', () => {
    expect(files.filter(({ text }) => GLOBAL_MODULE.test(text)).map(({ file }) => file)).toEqual([]);
  });
});
