import { aHop, aLayout } from '../../test-support/builders';
import { chooseRoot, sharedHopKeys } from './shared-hop';

const PINNED = aHop({ target: 'lb', role: 'load_balancer', url: 'https://shop.example.com/', connectTo: '10.0.0.9:443' });
const APP = aHop({ target: 'app', role: 'app', url: 'http://10.0.0.3:3000/Health?x=1' });

describe('sharedHopKeys', () => {
  it.each([
    { name: 'the entry is no shared layer', failingHop: 'entry', reachedAt: null, expected: [] },
    { name: 'nothing failing', failingHop: null, reachedAt: null, expected: [] },
    { name: 'a hop by its URL (scheme, host and path; no query)', failingHop: 'app', reachedAt: null, expected: ['url:http://10.0.0.3:3000/health'] },
    { name: 'and the address and port it was reached at', failingHop: 'app', reachedAt: '10.0.0.3', expected: ['url:http://10.0.0.3:3000/health', 'address:10.0.0.3:3000'] },
    { name: 'a pinned hop by its connectTo as well', failingHop: 'lb', reachedAt: '10.0.0.9', expected: ['url:https://shop.example.com/', 'address:10.0.0.9:443'] },
    { name: 'an IPv6 address in brackets', failingHop: 'app', reachedAt: '2001:db8::3', expected: ['url:http://10.0.0.3:3000/health', 'address:[2001:db8::3]:3000'] },
  ])('$name', ({ failingHop, reachedAt, expected }) => {
    expect(sharedHopKeys(aLayout([PINNED, APP]), failingHop, reachedAt)).toEqual(expected);
  });
});

describe('chooseRoot', () => {
  const root = { id: 'root', cause: 'origin_down', keys: ['url:http://10.0.0.3:3000/health', 'address:10.0.0.3:3000'] };

  it.each([
    { name: 'joins a root that blames the same hop for the same cause', incident: { cause: 'origin_down' as const, keys: ['address:10.0.0.3:3000'] }, expected: 'root' },
    { name: 'stays separate with a different cause', incident: { cause: 'origin_timeout' as const, keys: ['address:10.0.0.3:3000'] }, expected: null },
    { name: 'stays separate with another hop', incident: { cause: 'origin_down' as const, keys: ['url:http://10.0.0.4:3000/health'] }, expected: null },
    { name: 'an entry failure never joins', incident: { cause: 'origin_down' as const, keys: [] }, expected: null },
  ])('$name', ({ incident, expected }) => {
    expect(chooseRoot(incident, [root])).toBe(expected);
  });
});

describe('grouping at the entry', () => {
  // many sites whose DNS points at one balancer: each its own vhost, all reached at 203.0.113.7:443
  const vhost = (name: string, connectTo: string | null = null) => ({ ...aLayout([], `https://${name}.example.com/`), entry: { ...aLayout([], `https://${name}.example.com/`).entry, connectTo } });
  const atEntry = (name: string, answer: string | null, reachedAt: string | null = '203.0.113.7', connectTo: string | null = null) =>
    sharedHopKeys(vhost(name, connectTo), 'entry', reachedAt, answer);

  it.each([
    { name: 'by the address reached and the answer', keys: atEntry('shop', '502'), expected: ['entry:203.0.113.7:443#502'] },
    { name: 'by its connectTo too', keys: atEntry('shop', '502', '203.0.113.7', '203.0.113.9:8443'), expected: ['entry:203.0.113.9:8443#502', 'entry:203.0.113.7:8443#502'] },
    { name: 'an error without a status by its code', keys: atEntry('shop', 'ECONNREFUSED'), expected: ['entry:203.0.113.7:443#ECONNREFUSED'] },
    { name: 'nothing without the answer', keys: atEntry('shop', null), expected: [] },
    { name: 'nothing when never reached and not pinned', keys: atEntry('shop', '502', null), expected: [] },
  ])('keys the entry $name', ({ keys, expected }) => {
    expect(keys).toEqual(expected);
  });

  const root = { id: 'root', cause: 'origin_down', keys: atEntry('shop', '502') };

  it.each([
    { name: 'another vhost failing the same way joins', incident: { cause: 'origin_down' as const, keys: atEntry('blog', '502') }, expected: 'root' },
    { name: 'another vhost on the same host failing for another cause stays apart', incident: { cause: 'origin_timeout' as const, keys: atEntry('blog', '502') }, expected: null },
    { name: 'one broken vhost answering otherwise stays apart', incident: { cause: 'origin_down' as const, keys: atEntry('blog', '503') }, expected: null },
    { name: 'the same answer from another host stays apart', incident: { cause: 'origin_down' as const, keys: atEntry('blog', '502', '203.0.113.8') }, expected: null },
    { name: 'an entry never joins a hop root at the same address', incident: { cause: 'origin_down' as const, keys: atEntry('blog', '502') }, candidates: [{ id: 'hop-root', cause: 'origin_down', keys: ['address:203.0.113.7:443'] }], expected: null },
  ])('$name', ({ incident, expected, candidates }) => {
    expect(chooseRoot(incident, candidates ?? [root])).toBe(expected);
  });

  it('a single failing site has no root to join', () => {
    expect(chooseRoot({ cause: 'origin_down', keys: atEntry('shop', '502') }, [])).toBeNull();
  });
});
