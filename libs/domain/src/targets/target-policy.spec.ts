import { createTargetPolicy } from './target-policy';

describe('createTargetPolicy', () => {
  const policy = createTargetPolicy({ allow: ['127.0.0.2/32'], deny: ['10.9.0.0/16'] });

  it.each([
    { address: '93.184.216.34', expected: { allowed: true } },
    { address: '10.0.0.5', expected: { allowed: true } },
    { address: '127.0.0.2', expected: { allowed: true } },
    { address: '127.0.0.1', expected: { allowed: false, reason: '127.0.0.1 is a loopback address (allow it with HOPWATCH_TARGET_ALLOW=127.0.0.1/32)' } },
    { address: '169.254.169.254', expected: { allowed: false, reason: '169.254.169.254 is a linkLocal address (allow it with HOPWATCH_TARGET_ALLOW=169.254.169.254/32)' } },
    { address: '::1', expected: { allowed: false, reason: '::1 is a loopback address (allow it with HOPWATCH_TARGET_ALLOW=::1/128)' } },
    { address: '::ffff:169.254.169.254', expected: { allowed: false, reason: '::ffff:169.254.169.254 is a linkLocal address (allow it with HOPWATCH_TARGET_ALLOW=169.254.169.254/32)' } },
    { address: '10.9.1.1', expected: { allowed: false, reason: '10.9.1.1 is in HOPWATCH_TARGET_DENY' } },
    { address: 'not-an-ip', expected: { allowed: false, reason: 'not-an-ip is not an IP address' } },
  ])('$address → $expected.allowed', ({ address, expected }) => {
    expect(policy.check(address)).toEqual(expected);
  });
});
