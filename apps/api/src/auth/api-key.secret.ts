import { createHash, randomBytes } from 'node:crypto';

export const KEY_PREFIX_LENGTH = 10;

export function generateApiKey(): string {
  return `hw_${randomBytes(24).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
