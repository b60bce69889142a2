import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { Operation } from '../common/api-docs';
import { CreateSessionDto, SessionResponse } from './dto/session.dto';
import { CurrentPrincipal, Principal } from './principal';
import { SignInThrottle } from '../rate-limits/sign-in-throttle.decorator';
import { Public } from './public.decorator';
import { comesFromOwnOrigin, requestOrigin } from './same-origin';
import { readSessionCookie, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
import { SessionsService } from './sessions.service';

const toResponse = (principal: Principal): SessionResponse => ({ scope: principal.scope, name: principal.name });

@ApiTags('session')
@Controller('api/v1/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  @Post()
  @Public()
  @SignInThrottle()
  @HttpCode(200)
  @Operation({
    summary: 'Sign in: exchange an API key for an HttpOnly session cookie',
    ok: { type: SessionResponse },
    errors: [400, 401, 403],
    errorMeanings: { 401: 'The key is unknown or deleted', 403: 'The Origin header names another site (login CSRF)' },
    access: 'none',
  })
  async signIn(@Body() dto: CreateSessionDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    // A browser's sign-in from another site would plant that site's session on us (login CSRF).
    if (requestOrigin(request) !== null && !comesFromOwnOrigin(request, this.config.publicUrl)) {
      throw new ForbiddenException('sign-in must come from the hopwatch page itself (the Origin header names another site)');
    }
    const session = await this.sessions.start(dto.key);
    response.cookie(SESSION_COOKIE, session.token, sessionCookieOptions(request, this.config.publicUrl, session.expiresAt));
    return toResponse(session.principal);
  }

  @Get()
  @Operation({ summary: 'Who is signed in (cookie or bearer key); 401 when nobody', ok: { type: SessionResponse } })
  current(@CurrentPrincipal() principal: Principal): SessionResponse {
    return toResponse(principal);
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @Operation({
    summary: 'Sign out: ends the session and clears the cookie',
    ok: { status: 204 },
    errors: [403],
    errorMeanings: { 403: 'The session cookie came without an Origin header of this site' },
    access: 'none',
  })
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = readSessionCookie(request);
    if (token && !comesFromOwnOrigin(request, this.config.publicUrl)) {
      throw new ForbiddenException('a request authenticated by the session cookie must carry an Origin header of this site');
    }
    if (token) await this.sessions.end(token);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(request, this.config.publicUrl));
  }
}
