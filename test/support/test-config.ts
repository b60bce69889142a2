import { randomBytes } from 'node:crypto';
import { HopwatchConfig, loadConfig } from '@hopwatch/platform';

export const TEST_ADMIN_KEY = 'hw_test_admin_key_0123456789abcdef';

/** A configuration for one test file: its own database, its own Redis prefix, loopback targets allowed. */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): HopwatchConfig {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    HOPWATCH_REDIS_PREFIX: `hw-test-${randomBytes(4).toString('hex')}`,
    HOPWATCH_ADMIN_KEY: TEST_ADMIN_KEY,
    HOPWATCH_TARGET_ALLOW: '127.0.0.0/8,::1',
    LOG_LEVEL: 'silent',
    PORT: '3000',
    // Tests fire requests faster than any client; the rate-limit test sets its own, low limits.
    HOPWATCH_RATE_LIMIT_PER_KEY: '1000000',
    HOPWATCH_RATE_LIMIT_PER_ADDRESS: '1000000',
    HOPWATCH_RATE_LIMIT_SIGN_IN: '1000000',
    ...overrides,
  });
}
