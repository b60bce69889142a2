import { resolverChannel } from './resolver-channels';

const noSource = { sourceAddress: null };

describe('resolverChannel', () => {
  it('shares one channel per servers, timeout and source address', () => {
    const first = resolverChannel(['127.0.0.1:5353'], 2_000, noSource);
    expect(resolverChannel(['127.0.0.1:5353'], 2_000, noSource)).toBe(first);
    expect(resolverChannel(['127.0.0.1:5354'], 2_000, noSource)).not.toBe(first);
    expect(resolverChannel(['127.0.0.1:5353'], 3_000, noSource)).not.toBe(first);
    expect(resolverChannel(['127.0.0.1:5353'], 2_000, { sourceAddress: '127.0.0.2' })).not.toBe(first);
    expect(first.getServers()).toEqual(['127.0.0.1:5353']);
  });

  it('uses the system servers when given none', () => {
    expect(resolverChannel(null, 2_000, noSource)).toBe(resolverChannel(null, 2_000, noSource));
  });

  it('refuses a server that is not an address, and keeps nothing for it', () => {
    expect(() => resolverChannel(['not-an-address'], 2_000, noSource)).toThrow();
    expect(() => resolverChannel(['not-an-address'], 2_000, noSource)).toThrow();
  });

  it('keeps a bounded number of channels, dropping the least recently used', () => {
    const kept = resolverChannel(['127.0.0.9'], 1_000, noSource);
    const dropped = resolverChannel(['127.0.0.10'], 1_000, noSource);
    for (let port = 1; port <= 255; port++) {
      resolverChannel(['127.0.0.9'], 1_000, noSource);
      resolverChannel([`127.0.1.1:${port}`], 1_000, noSource);
    }
    expect(resolverChannel(['127.0.0.9'], 1_000, noSource)).toBe(kept);
    expect(resolverChannel(['127.0.0.10'], 1_000, noSource)).not.toBe(dropped);
  });
});
