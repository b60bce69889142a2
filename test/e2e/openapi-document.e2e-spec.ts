import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BootedApi, bootApi } from '../support/boot-api';

const ROOT = join(__dirname, '..', '..');
// Probes for orchestrators: nothing a client sends can make them answer 4xx.
const WITHOUT_CLIENT_ERRORS = new Set(['GET /health', 'GET /health/ready']);

type LintReport = { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }> };

/** Runs the project's pinned @redocly/cli with the repository's redocly.yaml; answers its JSON report. */
function redoclyLint(documentPath: string): Promise<LintReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'redocly'), ['lint', documentPath, '--format=json', `--config=${join(ROOT, 'redocly.yaml')}`], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(output) as LintReport);
      } catch {
        reject(new Error(`redocly printed no JSON report: ${output}${errors}`));
      }
    });
  });
}

describe('the OpenAPI document at /docs-json', () => {
  let api: BootedApi;
  let document: Record<string, any>;
  let directory: string;

  beforeAll(async () => {
    api = await bootApi();
    document = (await api.http().get('/docs-json').expect(200)).body;
    directory = await mkdtemp(join(tmpdir(), 'hopwatch-openapi-'));
  });

  afterAll(async () => {
    await api.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('passes redocly lint with no errors and no warnings', async () => {
    const path = join(directory, 'openapi.json');
    await writeFile(path, JSON.stringify(document));
    const report = await redoclyLint(path);
    const problems = report.problems.map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('gives every operation a summary, a typed 2xx answer, its 4xx answers and its security', () => {
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(20);
    const gaps = operations.flatMap(({ name, operation }) => {
      const responses = operation.responses as Record<string, any>;
      const success = Object.entries(responses).filter(([code]) => code.startsWith('2'));
      const typed = success.some(([code, response]) => code === '204' || response.content !== undefined);
      return [
        ...(operation.summary ? [] : [`${name}: no summary`]),
        ...(typed ? [] : [`${name}: no typed 2xx response`]),
        ...(WITHOUT_CLIENT_ERRORS.has(name) || Object.keys(responses).some((code) => code.startsWith('4')) ? [] : [`${name}: no 4xx response`]),
        ...(Array.isArray(operation.security) || Array.isArray(document.security) ? [] : [`${name}: no security`]),
      ];
    });
    expect(gaps).toEqual([]);
  });

  it('describes every object it answers with its fields, so generated clients get no empty types', () => {
    const bare = (schema: Record<string, any>): boolean =>
      schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined && !schema.$ref && !schema.allOf && !schema.oneOf;
    const untyped = Object.entries(document.components.schemas as Record<string, any>).flatMap(([name, schema]) =>
      Object.entries((schema.properties ?? {}) as Record<string, any>)
        .filter(([, property]) => bare(property) || (property.type === 'array' && bare(property.items ?? {})))
        .map(([property]) => `${name}.${property}`),
    );
    expect(untyped).toEqual([]);
  });
});
