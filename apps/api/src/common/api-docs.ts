// How each operation is described in the OpenAPI document: one decorator gives the summary, the typed
// success answer, the error answers and the security, so no operation can miss one of them (a test
// lints the document with redocly).
import { applyDecorators, Type } from '@nestjs/common';
import type { SchemaObject, SecurityRequirementObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiExtraModels, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class ApiErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'What went wrong; for a 400, one line per field naming the field and the reason',
    example: ['intervalSeconds must not be less than 5'],
  })
  message!: string | string[];
  @ApiPropertyOptional({ description: 'On a 500: the id of the logged error, to quote when reporting it' }) errorId?: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;

const ERROR_MEANINGS: Record<ErrorStatus, string> = {
  400: 'Invalid input; `message` names each field and the reason. Nothing was written.',
  401: 'No API key, or an unknown or deleted one',
  403: 'The API key has the read scope and this operation changes something',
  404: 'No such resource',
  409: 'Conflicts with the current state',
  413: 'The request body is larger than 64 KiB',
  429: 'Rate limit reached (per API key, per address, or on key creation); retry after the Retry-After header\'s seconds',
  503: 'A service it depends on is unreachable',
};

const SUCCESS_MEANINGS = { 200: 'OK', 201: 'Created', 204: 'Done; no content' } as const;

type SuccessStatus = keyof typeof SUCCESS_MEANINGS;

export type OperationDoc = {
  summary: string;
  description?: string;
  /** The success answer; `type` as `[Item]` for an array. Omit `type` only for 204. */
  ok: {
    status?: SuccessStatus;
    type?: Type<unknown> | [Type<unknown>];
    description?: string;
    text?: boolean;
    /** A Server-Sent Events stream whose events carry one of these as data. */
    events?: Type<unknown>[];
    /** A JSON answer with no class of its own (a JSON Schema document, say). */
    schema?: SchemaObject;
  };
  /** What an error status means for this operation, where the general meaning does not fit. */
  errorMeanings?: Partial<Record<ErrorStatus, string>>;
  /** Besides 401 (every keyed operation), 403 (keyed operations that change something) and 429 (every rate-limited one). */
  errors?: ErrorStatus[];
  /** False for the operations the rate limits skip (the health probes). */
  rateLimited?: boolean;
  /** `key` (default): needs an API key or session; `write`: needs a write key or session; `none`: public; `optional`: public unless configured otherwise. */
  access?: 'key' | 'write' | 'none' | 'optional';
};

const BEARER = 'bearer';
/** The web UI's session cookie (`hopwatch_session`), accepted wherever an API key is. */
const SESSION = 'hopwatch_session';
const KEYED: SecurityRequirementObject[] = [{ [BEARER]: [] }, { [SESSION]: [] }];

export function Operation(doc: OperationDoc): MethodDecorator {
  const access = doc.access ?? 'key';
  const errors = new Set<ErrorStatus>(doc.errors ?? []);
  if (access !== 'none') errors.add(401);
  if (access === 'write') errors.add(403);
  if (doc.rateLimited !== false) errors.add(429);
  const security: SecurityRequirementObject[] = access === 'none' ? [] : access === 'optional' ? [{}, ...KEYED] : KEYED;
  return applyDecorators(
    ApiOperation({ summary: doc.summary, description: doc.description, security }),
    successResponse(doc.ok),
    ApiExtraModels(ApiErrorResponse),
    ...[...errors].sort().map((status) =>
      ApiResponse({ status, description: doc.errorMeanings?.[status] ?? ERROR_MEANINGS[status], content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorResponse) } } } }),
    ),
  );
}

function successResponse(ok: OperationDoc['ok']): MethodDecorator {
  const status = ok.status ?? 200;
  const description = ok.description ?? SUCCESS_MEANINGS[status];
  if (ok.text) return ApiResponse({ status, description, content: { 'text/plain': { schema: { type: 'string' } } } });
  if (ok.schema) return ApiResponse({ status, description, content: { 'application/json': { schema: ok.schema } } });
  if (ok.events) {
    const data = { oneOf: ok.events.map((model) => ({ $ref: getSchemaPath(model) })) };
    return applyDecorators(ApiExtraModels(...ok.events), ApiResponse({ status, description, content: { 'text/event-stream': { schema: data } } }));
  }
  if (ok.type === undefined) return ApiResponse({ status, description });
  const [item, isArray] = Array.isArray(ok.type) ? [ok.type[0], true] : [ok.type, false];
  return ApiResponse({ status, description, type: item, isArray });
}
