// Deeply nested JSON is refused before it is parsed: class-transformer and class-validator recurse per level,
// so thousands of "[" would overflow the stack long after the body-size limit let them in.
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, brackets inside strings not counted. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth--;
  }
  return deepest;
}

export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';

  constructor() {
    super(`body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** A body-parser `verify` hook: runs on the raw bytes before JSON.parse. */
export function refuseDeepJson(_request: unknown, _response: unknown, body: Buffer): void {
  if (jsonDepth(body.toString('utf8')) > MAX_JSON_DEPTH) throw new JsonTooDeepError();
}
