// Field validators for rules class-validator does not know: monitor URLs, status expectations, pinned addresses.
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, isISO8601, registerDecorator, ValidateNested, ValidationArguments, ValidationOptions } from 'class-validator';
import { parseConnectTo, parseExpectStatus } from '@hopwatch/domain';

function rule(name: string, test: (value: unknown) => boolean, message: (args: ValidationArguments) => string) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({ name, target: target.constructor, propertyName, options: { message, ...options }, validator: { validate: test } });
}

function hasScheme(value: unknown, schemes: string[]): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

function isTcpUrl(value: unknown): boolean {
  if (!hasScheme(value, ['tcp:'])) return false;
  const url = new URL(value as string);
  return url.port !== '' && (url.pathname === '' || url.pathname === '/');
}

function isDnsUrl(value: unknown): boolean {
  if (!hasScheme(value, ['dns:'])) return false;
  const url = new URL(value as string);
  return url.port === '' && (url.pathname === '' || url.pathname === '/') && url.search === '';
}

export const IsHttpUrl = rule(
  'isHttpUrl',
  (value) => hasScheme(value, ['http:', 'https:']),
  (args) => `${args.property} must be an http:// or https:// URL with a host`,
);

export const IsHopUrl = rule(
  'isHopUrl',
  (value) => hasScheme(value, ['http:', 'https:']) || isTcpUrl(value),
  (args) => `${args.property} must be an http://, https:// or tcp://host:port URL`,
);

export const IsSiteUrl = rule(
  'isSiteUrl',
  (value) => hasScheme(value, ['http:', 'https:']) || isTcpUrl(value) || isDnsUrl(value),
  (args) => `${args.property} must be an http://, https://, tcp://host:port or dns://name URL`,
);

export const IsExpectStatus = rule(
  'isExpectStatus',
  (value) => typeof value === 'string' && value.length <= 100 && parseExpectStatus(value) !== null,
  (args) => `${args.property} must be status codes or ranges between 100 and 599, like "200-399", "200,204" or "2xx"`,
);

export const IsConnectTo = rule(
  'isConnectTo',
  (value) => typeof value === 'string' && parseConnectTo(value) !== null,
  (args) => `${args.property} must be an IP address with an optional port, like "10.0.0.5:8080" or "[2001:db8::1]:443"`,
);

export const IsResolver = rule(
  'isResolver',
  (value) => typeof value === 'string' && (value === 'system' || parseConnectTo(value) !== null),
  (args) => `${args.property} must be "system" or a resolver address like "1.1.1.1" or "127.0.0.1:5353"`,
);

/** Names that must be unique inside an array of objects; the message names the repeated ones. */
export function UniqueNames(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'uniqueNames',
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) => `${args.property} must have unique names; repeated: ${duplicates(args.value).join(', ')}`,
        ...options,
      },
      validator: { validate: (value: unknown) => !Array.isArray(value) || duplicates(value).length === 0 },
    });
}

function duplicates(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) {
    const name = (item as { name?: unknown })?.name;
    if (typeof name !== 'string') continue;
    if (seen.has(name)) repeated.add(name);
    seen.add(name);
  }
  return [...repeated];
}

const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
const LATEST_INSTANT = Date.UTC(10_000, 0, 1);

/** A real ISO 8601 instant that PostgreSQL can store: 2025-02-30 is refused, not read as 2 March. */
export function isInstant(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 40 || !isISO8601(value, { strict: true, strictSeparator: true })) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= EARLIEST_INSTANT && time < LATEST_INSTANT;
}

export const IsInstant = rule(
  'isInstant',
  isInstant,
  (args) => `${args.property} must be an ISO 8601 date that exists, between 1970 and 9999, like "2026-01-31T12:00:00Z"`,
);

/** A nested object (never an array or a scalar), validated with its own DTO. */
export function NestedObject(type: () => new () => object) {
  return applyDecorators(
    IsObject({ message: '$property must be an object' }),
    ValidateNested(),
    Type(type),
  );
}

/** A list of nested objects (each one an object, never an array or a scalar), validated with their DTO. */
export function NestedObjects(type: () => new () => object) {
  return applyDecorators(
    IsObject({ each: true, message: 'each value in $property must be an object' }),
    ValidateNested({ each: true }),
    Type(type),
  );
}

/** A field that only makes sense for some kinds of a discriminated body, like `to` for email channels. */
export function OnlyForKind(kinds: string | readonly string[], options?: ValidationOptions) {
  const allowed = typeof kinds === 'string' ? [kinds] : kinds;
  const named = allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(', ')} and ${allowed[allowed.length - 1]}`;
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'onlyForKind',
      target: target.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => `${args.property} is only for ${named} channels`, ...options },
      validator: { validate: (_value: unknown, args: ValidationArguments) => allowed.includes((args.object as { kind?: unknown }).kind as string) },
    });
}
