import { createHash, randomBytes } from 'node:crypto';

/** "hw_" and four characters: enough to tell keys apart in a list, far too little to help guess one. */
export const KEY_PREFIX_LENGTH = 7;

export function generateApiKey(): string {
  return `hw_${randomBytes(24).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
