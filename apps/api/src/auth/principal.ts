// Who made a request, as the guard established it, for the handlers that need to know.
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ApiKeyScope } from '@hopwatch/db';

export type Principal = { keyId: string; name: string; scope: ApiKeyScope; via: 'bearer' | 'session' };

const principals = new WeakMap<Request, Principal>();

export function setPrincipal(request: Request, principal: Principal): void {
  principals.set(request, principal);
}

export function principalOf(request: Request): Principal | undefined {
  return principals.get(request);
}

/** The authenticated caller; only on routes the guard protects. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context.switchToHttp().getRequest<Request>());
  if (!principal) throw new Error('CurrentPrincipal used on a route the API key guard does not protect');
  return principal;
});
