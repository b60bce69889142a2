import { createTargetPolicy } from './target-policy';

const byDefault = createTargetPolicy({ allow: [], deny: [] });

describe('target policy, by default', () => {
  it.each([
    // plain addresses
    ['93.184.216.34', true],
    ['10.0.0.5', true],
    ['192.168.1.1', true],
    ['100.64.0.1', true],
    ['2606:4700::1111', true],
    ['fd12:3456::1', true],
    ['127.0.0.1', false],
    ['::1', false],
    ['169.254.10.10', false],
    ['fe80::1', false],
    ['224.0.0.1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['255.255.255.255', false],
    // cloud metadata, IPv4 and IPv6, including those inside allowed ranges
    ['169.254.169.254', false],
    ['169.254.170.2', false],
    ['100.100.100.200', false],
    ['168.63.129.16', false],
    ['192.0.0.192', false],
    ['fd00:ec2::254', false],
    ['FD00:EC2:0:0:0:0:0:254', false],
    ['fd20:ce::254', false],
    ['fd00:c1::a9fe:a9fe', false],
    // IPv6 forms embedding IPv4, judged by what they embed
    ['::ffff:127.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['::ffff:10.0.0.1', true],
    ['::ffff:0:127.0.0.1', false],
    ['64:ff9b::7f00:1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['64:ff9b::5db8:d822', true],
    ['64:ff9b:1:7f00:1::', false],
    ['64:ff9b:1::a9fe:a9fe', false],
    ['2002:7f00:1::', false],
    ['2002:a9fe:a9fe::1', false],
    ['2002:5db8:d822::1', true],
    ['::127.0.0.1', false],
    ['::169.254.169.254', false],
    ['::10.0.0.1', true],
    // Teredo: server 65.54.227.120, client 127.0.0.1 stored inverted (80ff:fffe)
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', false],
    ['2001:0:4136:e378:8000:63bf:a2b7:dd9d', true],
  ])('%s allowed: %s', (address, allowed) => {
    expect(byDefault.check(address).allowed).toBe(allowed);
  });

  it('names the embedded address and the provider in its reason', () => {
    expect(byDefault.check('::ffff:169.254.169.254')).toEqual({
      allowed: false,
      reason: expect.stringMatching(/embedding 169\.254\.169\.254.*cloud metadata endpoint \(AWS/),
    });
  });
});

describe('target policy with allow and deny lists', () => {
  it.each([
    ['a broad range does not allow a metadata address in it', { allow: ['169.254.0.0/16'] }, '169.254.169.254', false],
    ['a broad range still allows the rest of it', { allow: ['169.254.0.0/16'] }, '169.254.1.1', true],
    ['a broad IPv6 range does not allow a metadata address in it', { allow: ['fd00::/8'] }, 'fd00:ec2::254', false],
    ['naming the address exactly allows it', { allow: ['169.254.169.254'] }, '169.254.169.254', true],
    ['naming it as a /32 allows it', { allow: ['100.100.100.200/32'] }, '100.100.100.200', true],
    ['naming the IPv6 address exactly allows it', { allow: ['fd00:ec2::254/128'] }, 'fd00:ec2::254', true],
    ['naming the IPv4 address exactly allows its mapped form too', { allow: ['169.254.169.254'] }, '::ffff:169.254.169.254', true],
    ['an allowed loopback is allowed in its mapped form too', { allow: ['127.0.0.0/8'] }, '::ffff:127.0.0.1', true],
    ['allowing an IPv6 prefix does not allow what it embeds', { allow: ['2002::/16'] }, '2002:7f00:1::', false],
    ['a denied IPv4 range is denied in its NAT64 form', { deny: ['10.0.0.0/8'] }, '64:ff9b::a00:1', false],
  ])('%s', (_label, lists, address, allowed) => {
    const policy = createTargetPolicy({ allow: [], deny: [], ...lists });
    expect(policy.check(address).allowed).toBe(allowed);
  });
});

describe('target policy reasons name the setting that changes the answer', () => {
  const policy = createTargetPolicy({ allow: ['127.0.0.2/32'], deny: ['10.9.0.0/16'] });

  it.each([
    { address: '127.0.0.2', expected: { allowed: true } },
    { address: '127.0.0.1', expected: { allowed: false, reason: '127.0.0.1 is a loopback address (allow it with HOPWATCH_TARGET_ALLOW=127.0.0.1/32)' } },
    { address: '::1', expected: { allowed: false, reason: '::1 is a loopback address (allow it with HOPWATCH_TARGET_ALLOW=::1/128)' } },
    { address: '169.254.10.10', expected: { allowed: false, reason: '169.254.10.10 is a linkLocal address (allow it with HOPWATCH_TARGET_ALLOW=169.254.10.10/32)' } },
    { address: '0.0.0.0', expected: { allowed: false, reason: '0.0.0.0 is a unspecified address (allow it with HOPWATCH_TARGET_ALLOW=0.0.0.0/32)' } },
    { address: '169.254.169.254', expected: { allowed: false, reason: expect.stringMatching(/cloud metadata endpoint .*naming it exactly in HOPWATCH_TARGET_ALLOW$/) } },
    { address: '10.9.1.1', expected: { allowed: false, reason: '10.9.1.1 is in HOPWATCH_TARGET_DENY' } },
  ])('$address', ({ address, expected }) => {
    expect(policy.check(address)).toEqual(expected);
  });
});
