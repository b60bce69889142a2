// When HOPWATCH_SECRET_KEY is not set, the key lives in a file (HOPWATCH_SECRET_KEY_FILE) created on first boot.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { HopwatchConfig } from '../config/config.schema';
import { generateSecretKey, parseSecretKey, SecretBox } from './secret-box';

export class SecretKeyFileError extends Error {}

/** Reads the key file, or creates it (mode 0600) when it does not exist yet; a process racing us wins or loses cleanly. */
export function readOrCreateKeyFile(path: string): Buffer {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${generateSecretKey()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new SecretKeyFileError(`cannot create ${path}: ${(error as Error).message}`);
  }
  const key = parseSecretKey(readFileSync(path, 'utf8'));
  if (!key) throw new SecretKeyFileError(`${path} does not hold a 32-byte key (base64 or 64 hex digits)`);
  return key;
}

export function loadSecretBox(config: HopwatchConfig): SecretBox {
  const current = config.secretKey ?? readOrCreateKeyFile(config.secretKeyFile);
  return new SecretBox(current, config.secretKeyPrevious);
}
