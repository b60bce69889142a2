import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { ApiKeysService } from './api-keys.service';
import { rememberScope } from './caller-scope';
import { IS_PUBLIC, PublicCondition } from './public.decorator';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every route needs a key unless marked @Public(); a read key may only read. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<PublicCondition>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic?.(this.config)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('send an API key as "Authorization: Bearer <key>"');
    const key = await this.keys.authenticate(match[1]);
    if (!key) throw new UnauthorizedException('the API key is not valid (unknown or deleted)');
    if (key.scope === 'read' && !READ_METHODS.has(request.method)) {
      throw new ForbiddenException('this API key has the read scope and cannot make changes');
    }
    rememberScope(request, key.scope);
    return true;
  }
}
