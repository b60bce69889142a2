// The domain core must stay pure (DESIGN §2): no I/O modules, no framework, no clock of its own, in every folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const DOMAIN = join(__dirname, '..', '..', 'libs', 'domain', 'src');
const FORBIDDEN: Array<[RegExp, string]> = [
  [/from '(node:)?(fs|net|http|https|dns|tls|child_process|dgram|worker_threads|os)'/, 'an I/O module'],
  [/from '@nestjs\/|from 'typeorm'|from 'bullmq'|from 'ioredis'|from 'pg'/, 'a framework'],
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

const files = sourceFiles(DOMAIN).map((path) => ({ file: relative(DOMAIN, path), text: readFileSync(path, 'utf8') }));
const folders = new Set(files.filter(({ file }) => file.includes('/')).map(({ file }) => file.split('/')[0]));

describe('the domain core is pure', () => {
  it('checks every folder of libs/domain/src', () => {
    const expected = readdirSync(DOMAIN).filter((name) => statSync(join(DOMAIN, name)).isDirectory());
    expect([...folders].sort()).toEqual(expected.sort());
  });

  it.each(files)('$file uses no I/O, framework, clock or environment', ({ text }) => {
    for (const [pattern, what] of FORBIDDEN) expect({ uses: what, found: pattern.test(text) }).toEqual({ uses: what, found: false });
  });
});
