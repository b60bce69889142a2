// Checks a parsed file against the published JSON Schema and words each error for a person.
import Ajv, { ErrorObject } from 'ajv';
import { CONFIG_SCHEMA } from '@hopwatch/domain';
import { FilePath } from './source-location';

export type SchemaProblem = { path: FilePath; key?: string; message: string };

// verbose: errors carry their schema, so a refused field can say why.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
// RFC 3339 date-time, which is what the server accepts for maintenance windows.
ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(value) && !Number.isNaN(Date.parse(value)));
const validate = ajv.compile(CONFIG_SCHEMA);

export function schemaProblems(value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).filter(worthShowing).map(describe);
}

// `if`/`not` wrappers and the "must match a schema in anyOf" summary repeat what the specific errors say.
const worthShowing = (error: ErrorObject) => !['if', 'anyOf', 'oneOf'].includes(error.keyword);

function pathOf(instancePath: string): FilePath {
  return instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(error: ErrorObject): SchemaProblem {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: [...path, params.missingProperty as string], message: 'is required' };
    case 'additionalProperties':
      return { path: [...path, params.additionalProperty as string], key: params.additionalProperty as string, message: 'is not a known field' };
    case 'false schema':
      return { path, message: 'is set by the server and cannot be configured' };
    case 'enum':
      return { path, message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'not':
      return { path, message: (error.parentSchema as { 'x-refusal'?: string } | undefined)?.['x-refusal'] ?? 'is a reserved value' };
    case 'format':
      return { path, message: `must be a ${params.format === 'date-time' ? 'date and time like 2026-12-01T02:00:00Z' : String(params.format)}` };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}
