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
