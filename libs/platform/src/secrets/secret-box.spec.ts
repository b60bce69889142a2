import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSecretKey, parseSecretKey, SecretBox } from './secret-box';
import { readOrCreateKeyFile } from './secret-key-file';

const key = () => parseSecretKey(generateSecretKey())!;

describe('SecretBox', () => {
  const current = key();
  const box = new SecretBox(current);
  const secret = 'whsec_c2VjcmV0IGtleSBieXRlcw==';

  it('opens what it sealed, and never seals the same text the same way twice', () => {
    const sealed = box.seal(secret);
    expect(sealed).toMatch(/^hwenc1:[0-9a-f]{8}:[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('c2VjcmV0');
    expect(box.open(sealed)).toBe(secret);
    expect(box.seal(secret)).not.toBe(sealed);
  });

  it('refuses an altered value', () => {
    const sealed = box.seal(secret);
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open(altered)).toThrow(/does not authenticate/);
  });

  it('refuses what another key sealed, unless that key is listed as previous', () => {
    const old = key();
    const sealedBefore = new SecretBox(old).seal(secret);
    expect(() => box.open(sealedBefore)).toThrow(/neither HOPWATCH_SECRET_KEY nor in HOPWATCH_SECRET_KEY_PREVIOUS/);
    const rotating = new SecretBox(current, [old]);
    expect(rotating.open(sealedBefore)).toBe(secret);
    expect(rotating.isStale(sealedBefore)).toBe(true);
    expect(rotating.isStale(rotating.seal(secret))).toBe(false);
  });

  it.each([['plain text'], ['hwenc1:abc'], ['hwenc1:abcdef01:a.b'], ['']])('refuses %p as not sealed', (value) => {
    expect(() => box.open(value)).toThrow();
  });

  it.each([
    ['64 hex digits', 'ab'.repeat(32), true],
    ['base64 of 32 bytes', Buffer.alloc(32, 7).toString('base64'), true],
    ['too short', 'c2hvcnQ=', false],
    ['too long', Buffer.alloc(33).toString('base64'), false],
  ])('parses a key given as %s: %s', (_label, text, valid) => {
    expect(parseSecretKey(text) !== null).toBe(valid);
  });
});

describe('readOrCreateKeyFile', () => {
  it('creates the key once, readable by its owner only, and reads the same key afterwards', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hw-key-')), 'nested', 'secret-key');
    const first = readOrCreateKeyFile(path);
    expect(first).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readOrCreateKeyFile(path).equals(first)).toBe(true);
    expect(parseSecretKey(readFileSync(path, 'utf8'))!.equals(first)).toBe(true);
  });
});
