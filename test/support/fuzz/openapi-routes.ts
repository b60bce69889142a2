// The routes of the API as its OpenAPI document describes them, with the schemas a fuzzer fills in.
export type Schema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
};

export type Route = {
  method: 'get' | 'post' | 'patch' | 'delete' | 'put';
  path: string;
  pathParams: string[];
  query: Record<string, Schema>;
  body: Schema | null;
};

type Operation = {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const METHODS = new Set(['get', 'post', 'patch', 'delete', 'put']);

export function routesOf(document: OpenApiDocument): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({
        method: method as Route['method'],
        path,
        pathParams: (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
        query: Object.fromEntries(
          (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name, resolve(document, parameter.schema ?? {})]),
        ),
        body: operation.requestBody?.content?.['application/json']?.schema ? resolve(document, operation.requestBody.content['application/json'].schema) : null,
      })),
  );
}

/** The schema with every $ref and allOf replaced by what it points at, to a bounded depth. */
export function resolve(document: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 8) return {};
  if (schema.$ref) return resolve(document, document.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}, depth + 1);
  if (schema.allOf) return schema.allOf.reduce<Schema>((merged, part) => ({ ...merged, ...resolve(document, part, depth + 1) }), {});
  return {
    ...schema,
    ...(schema.items ? { items: resolve(document, schema.items, depth + 1) } : {}),
    ...(schema.properties
      ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, resolve(document, property, depth + 1)])) }
      : {}),
  };
}
