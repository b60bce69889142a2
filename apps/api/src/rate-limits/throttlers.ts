// The three limits every API request passes: per API key, per client address, and, on sign-in and key
// creation, a much smaller one per address. Each counts across all routes, not per route.
import { ExecutionContext } from '@nestjs/common';
import { ThrottlerOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import type { HopwatchConfig } from '@hopwatch/platform';
import { SIGN_IN_THROTTLE } from './sign-in-throttle.decorator';

const MINUTE_MS = 60_000;

export const THROTTLER_NAMES = ['per-key', 'per-address', 'sign-in'] as const;

function bearerKey(request: Request): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/** The key is hashed before it is used as a counter name, so Redis never holds it. */
function keyTracker(request: Request): string {
  return createHash('sha256').update(bearerKey(request) ?? '').digest('hex');
}

function addressTracker(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

function isSignIn(context: ExecutionContext): boolean {
  return Reflect.getMetadata(SIGN_IN_THROTTLE, context.getHandler()) === true;
}

export function throttlers(config: HopwatchConfig): ThrottlerOptions[] {
  const acrossRoutes = (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`;
  return [
    {
      name: 'per-key',
      limit: config.rateLimitPerKey,
      ttl: MINUTE_MS,
      getTracker: (request) => keyTracker(request as Request),
      generateKey: acrossRoutes,
      skipIf: (context) => bearerKey(context.switchToHttp().getRequest<Request>()) === null,
    },
    { name: 'per-address', limit: config.rateLimitPerAddress, ttl: MINUTE_MS, getTracker: (request) => addressTracker(request as Request), generateKey: acrossRoutes },
    {
      name: 'sign-in',
      limit: config.rateLimitSignIn,
      ttl: MINUTE_MS,
      getTracker: (request) => addressTracker(request as Request),
      generateKey: acrossRoutes,
      skipIf: (context) => !isSignIn(context),
    },
  ];
}
