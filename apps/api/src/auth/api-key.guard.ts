import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { ApiKeysService } from './api-keys.service';
import { rememberScope } from './caller-scope';
import { Principal, setPrincipal } from './principal';
import { IS_PUBLIC, PublicCondition } from './public.decorator';
import { comesFromOwnOrigin } from './same-origin';
import { readSessionCookie } from './session-cookie';
import { principalFor, SessionsService } from './sessions.service';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route needs a bearer key or a session cookie unless marked @Public(); a read key may only read.
 * A bearer key wins over a cookie. Cookie-authenticated writes must name our own origin (CSRF).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionsService,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<PublicCondition>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic?.(this.config)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const principal = await this.authenticate(request);
    const writes = !READ_METHODS.has(request.method);
    if (writes && principal.via === 'session' && !comesFromOwnOrigin(request, this.config.publicUrl)) {
      throw new ForbiddenException('a request authenticated by the session cookie must carry an Origin header of this site');
    }
    if (writes && principal.scope === 'read') {
      throw new ForbiddenException('this API key has the read scope and cannot make changes');
    }
    setPrincipal(request, principal);
    rememberScope(request, principal.scope);
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const authorization = request.headers.authorization;
    const token = readSessionCookie(request);
    if (authorization || !token) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!match) throw new UnauthorizedException('send an API key as "Authorization: Bearer <key>", or sign in');
      const key = await this.keys.authenticate(match[1]);
      if (!key) throw new UnauthorizedException('the API key is not valid (unknown or deleted)');
      return principalFor(key, 'bearer');
    }
    const principal = await this.sessions.authenticate(token);
    if (!principal) throw new UnauthorizedException('the session has ended (signed out, expired or its key was deleted); sign in again');
    return principal;
  }
}
