import { isRevealingHeader, revealingHeaders } from './revealing-headers';

describe('revealingHeaders', () => {
  it.each(['Server', 'via', 'X-Cache', 'cf-ray', 'X-Amz-Cf-Pop', 'x-envoy-upstream-service-time', 'X-Akamai-Request-ID', 'akamai-grn', 'x-kong-upstream-latency', 'Proxy-Status', 'retry-after'])(
    'keeps %s',
    (name) => expect(isRevealingHeader(name)).toBe(true),
  );

  it.each(['set-cookie', 'authorization', 'content-length', 'etag', 'x-custom-thing'])('drops %s', (name) => {
    expect(isRevealingHeader(name)).toBe(false);
  });

  it('joins repeated values and clips long ones', () => {
    const kept = revealingHeaders({ via: ['1.1 vegur', '1.1 varnish'], server: 'x'.repeat(2000), 'set-cookie': ['a=b'] });
    expect(kept).toEqual({ via: '1.1 vegur, 1.1 varnish', server: 'x'.repeat(512) });
  });
});
