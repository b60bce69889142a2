import { randomBytes } from 'node:crypto';
import { HopwatchConfig, loadConfig } from '@hopwatch/platform';

export const TEST_ADMIN_KEY = 'hw_test_admin_key_0123456789abcdef';
/** The secret key every test process shares, so a spawned worker opens what the in-process API sealed. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 'hopwatch-test-secret-key').toString('base64');

/** A configuration for one test file: its own database, its own Redis prefix, loopback targets allowed. */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): HopwatchConfig {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    HOPWATCH_REDIS_PREFIX: `hw-test-${randomBytes(4).toString('hex')}`,
    HOPWATCH_ADMIN_KEY: TEST_ADMIN_KEY,
    HOPWATCH_TARGET_ALLOW: '127.0.0.0/8,::1',
    HOPWATCH_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    PORT: '3000',
    HOST: '127.0.0.1',
    // Tests fire requests faster than any client; the rate-limit test sets its own, low limits.
    HOPWATCH_RATE_LIMIT_PER_KEY: '1000000',
    HOPWATCH_RATE_LIMIT_PER_ADDRESS: '1000000',
    HOPWATCH_RATE_LIMIT_SIGN_IN: '1000000',
    ...overrides,
  });
}
