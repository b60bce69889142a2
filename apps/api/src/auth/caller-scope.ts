import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ApiKeyScope } from '@hopwatch/db';

type ScopedRequest = Request & { apiKeyScope?: ApiKeyScope };

/** Remembers, for the handler, which scope the caller's key has; set by the guard once the key is checked. */
export function rememberScope(request: Request, scope: ApiKeyScope): void {
  (request as ScopedRequest).apiKeyScope = scope;
}

/** The caller's scope; `read` when the route was called without a key, so nothing is shown by mistake. */
export const CallerScope = createParamDecorator((_data: unknown, context: ExecutionContext): ApiKeyScope =>
  context.switchToHttp().getRequest<ScopedRequest>().apiKeyScope ?? 'read',
);
