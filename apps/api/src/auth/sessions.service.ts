import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { ApiKeyEntity, ApiKeyRepository, WebSessionRepository } from '@hopwatch/db';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { ApiKeysService } from './api-keys.service';
import { Principal } from './principal';

export type StartedSession = { token: string; expiresAt: Date; principal: Principal };

const HOUR_MS = 3_600_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function principalFor(key: ApiKeyEntity, via: Principal['via']): Principal {
  return { keyId: key.id, name: key.name, scope: key.scope, via };
}

/** Web sign-in: an API key is exchanged for an opaque random token; the browser keeps the token, we keep its hash. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: WebSessionRepository,
    private readonly keys: ApiKeyRepository,
    private readonly apiKeys: ApiKeysService,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  async start(key: string, now = new Date()): Promise<StartedSession> {
    const entity = await this.apiKeys.authenticate(key);
    if (!entity) throw new UnauthorizedException('the API key is not valid (unknown or deleted)');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * HOUR_MS);
    await this.sessions.create({ tokenHash: hashToken(token), apiKeyId: entity.id, expiresAt }, now);
    return { token, expiresAt, principal: principalFor(entity, 'session') };
  }

  /** The principal of a live session; null when the token is unknown, expired or its key was deleted. */
  async authenticate(token: string, now = new Date()): Promise<Principal | null> {
    const key = await this.sessions.findKey(hashToken(token), now);
    if (!key) return null;
    await this.keys.touch(key.id, now);
    return principalFor(key, 'session');
  }

  async end(token: string): Promise<void> {
    await this.sessions.delete(hashToken(token));
  }
}
