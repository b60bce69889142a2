// Secrets stored in the database (webhook signing secrets, and any channel URL that is itself a bearer secret)
// are sealed with AES-256-GCM, so a dump of the database alone does not give them away.
// A sealed value reads "hwenc1:<key id>:<iv>.<tag>.<ciphertext>" (base64url); the key id lets old keys keep opening
// what they sealed while a rotation is under way.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'hwenc1';
const IV_BYTES = 12;
export const SECRET_KEY_BYTES = 32;

export class SecretBoxError extends Error {}

export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  private readonly currentId: string;

  /** `current` seals; `previous` keys only open what they once sealed. */
  constructor(current: Buffer, previous: Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== SECRET_KEY_BYTES) throw new SecretBoxError(`a secret key must be ${SECRET_KEY_BYTES} bytes, got ${key.length}`);
    }
    this.currentId = keyId(current);
    this.keys = new Map([...previous, current].map((key) => [keyId(key), key]));
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${this.currentId}:${[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.')}`;
  }

  open(sealed: string): string {
    const [version, id, body, ...rest] = sealed.split(':');
    const parts = body?.split('.') ?? [];
    if (version !== VERSION || rest.length > 0 || parts.length !== 3) throw new SecretBoxError('not a sealed secret');
    const key = this.keys.get(id);
    if (!key) throw new SecretBoxError(`sealed with key ${id}, which is neither HOPWATCH_SECRET_KEY nor in HOPWATCH_SECRET_KEY_PREVIOUS`);
    const [iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError(`sealed secret under key ${id} does not authenticate (altered or corrupted)`);
    }
  }

  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}:`);
  }

  /** Sealed with a key other than the current one: to be sealed again after a rotation. */
  isStale(sealed: string): boolean {
    return SecretBox.isSealed(sealed) && sealed.split(':')[1] !== this.currentId;
  }
}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** A key as the variables hold it: 64 hex digits or the base64 of 32 bytes. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return bytes.length === SECRET_KEY_BYTES ? bytes : null;
}

export function generateSecretKey(): string {
  return randomBytes(SECRET_KEY_BYTES).toString('base64');
}
