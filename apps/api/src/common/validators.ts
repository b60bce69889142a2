// Field validators for rules class-validator does not know: monitor URLs, status expectations, pinned addresses.
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
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
