// DESIGN §2's "never" rules, checked on every import of the shipped code (apps and libs, specs and test
// helpers aside): a broken rule names the file, the import and the rule it breaks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { preProcessFile } from 'typescript';

const ROOT = join(__dirname, '..', '..');

/** Apps that may import other apps: the all-in-one composes them; the web app's exception is its generated API types. */
const COMPOSING_APPS = new Set(['all-in-one', 'web']);

type Layer = { kind: 'app' | 'lib'; name: string } | { kind: 'outside'; name: string };
type Edge = { file: string; specifier: string; from: Layer; to: Layer };
type Rule = { name: string; breaks: (edge: Edge) => boolean };

const isLib = (layer: Layer, ...names: string[]) => layer.kind === 'lib' && names.includes(layer.name);
const ours = (layer: Layer) => layer.kind !== 'outside';

const RULES: Rule[] = [
  { name: 'libs/domain imports nothing of ours', breaks: ({ from, to }) => isLib(from, 'domain') && ours(to) && !isLib(to, 'domain') },
  { name: 'libs/platform imports nothing of ours', breaks: ({ from, to }) => isLib(from, 'platform') && ours(to) && !isLib(to, 'platform') },
  {
    name: 'libs/probes and libs/alerting never touch the database or the queue',
    breaks: ({ from, to }) => isLib(from, 'probes', 'alerting') && isLib(to, 'db', 'queue', 'runtime'),
  },
  { name: 'no lib imports an app', breaks: ({ from, to }) => from.kind === 'lib' && to.kind === 'app' },
  {
    name: 'no app imports another app (all-in-one and web excepted)',
    breaks: ({ from, to }) => from.kind === 'app' && to.kind === 'app' && from.name !== to.name && !COMPOSING_APPS.has(from.name),
  },
];

function layerOf(path: string): Layer {
  const [top, name] = relative(ROOT, path).split('/');
  if (top === 'apps') return { kind: 'app', name };
  if (top === 'libs') return { kind: 'lib', name };
  return { kind: 'outside', name: top };
}

function targetOf(file: string, specifier: string): Layer {
  const alias = /^@hopwatch\/([^/]+)/.exec(specifier);
  if (alias) return { kind: 'lib', name: alias[1] };
  if (specifier.startsWith('.')) return layerOf(resolve(dirname(file), specifier));
  return { kind: 'outside', name: specifier };
}

const isTestCode = (path: string) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(path) || path.includes('/test-support/');

function shippedFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : shippedFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !isTestCode(path) ? [path] : [];
  });
}

function importsOf(file: string, text: string): Edge[] {
  const from = layerOf(file);
  return preProcessFile(text, true, true).importedFiles.map(({ fileName }) => ({
    file: relative(ROOT, file),
    specifier: fileName,
    from,
    to: targetOf(file, fileName),
  }));
}

const edges = ['apps', 'libs'].flatMap((top) => shippedFiles(join(ROOT, top))).flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));

describe('the layering rules (DESIGN §2)', () => {
  it('reads the imports of every app and lib', () => {
    const layers = new Set(edges.map(({ from }) => `${from.kind}:${from.name}`));
    for (const layer of ['app:api', 'app:worker', 'app:scheduler', 'app:all-in-one', 'lib:domain', 'lib:db', 'lib:probes', 'lib:queue', 'lib:alerting', 'lib:platform']) {
      expect(layers).toContain(layer);
    }
  });

  it.each(RULES.map((rule) => ({ rule: rule.name, check: rule })))('$rule', ({ check }) => {
    const broken = edges.filter(check.breaks).map(({ file, specifier }) => `${file} imports '${specifier}'`);
    expect(broken).toEqual([]);
  });
});
