// The diagnosis core must stay pure (DESIGN §2): no I/O modules, no framework, no clock of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const PURE_FOLDERS = ['fingerprint', 'diagnosis', 'patterns', 'incidents'];
const FORBIDDEN: Array<[RegExp, string]> = [
  [/from '(node:)?(fs|net|http|https|dns|tls|child_process|dgram)'/, 'an I/O module'],
  [/from '@nestjs\/|from 'typeorm'|from 'bullmq'|from 'ioredis'/, 'a framework'],
  [/Date\.now\(|new Date\(\)|performance\.now\(|Math\.random\(/, 'its own clock or randomness'],
  [/process\.env/, 'the environment'],
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = PURE_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))).map((path) => ({ file: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

describe('the diagnosis core is pure', () => {
  it('has source files to check', () => expect(files.length).toBeGreaterThan(20));

  it.each(files)('$file uses no I/O, framework, clock or environment', ({ text }) => {
    for (const [pattern, what] of FORBIDDEN) expect({ uses: what, found: pattern.test(text) }).toEqual({ uses: what, found: false });
  });
});
