import { aHop } from '../../test-support/builders';
import { hopAddress } from './observed';

describe('hopAddress', () => {
  it.each([
    { name: 'explicit port', hop: aHop({ target: 'app', url: 'http://10.0.0.3:3000/health' }), address: '10.0.0.3:3000' },
    { name: 'default http port', hop: aHop({ target: 'proxy', url: 'http://proxy.internal/' }), address: 'proxy.internal:80' },
    { name: 'default https port', hop: aHop({ target: 'origin', url: 'https://origin.example.com/' }), address: 'origin.example.com:443' },
    { name: 'pinned address keeps the URL port', hop: aHop({ target: 'origin', url: 'https://origin.example.com/', connectTo: '192.0.2.7' }), address: '192.0.2.7:443' },
    { name: 'pinned address and port', hop: aHop({ target: 'origin', url: 'https://origin.example.com/', connectTo: '192.0.2.7:8443' }), address: '192.0.2.7:8443' },
    { name: 'pinned IPv6', hop: aHop({ target: 'origin', url: 'https://origin.example.com/', connectTo: '[2001:db8::7]:8443' }), address: '[2001:db8::7]:8443' },
    { name: 'a TCP hop', hop: aHop({ target: 'db', kind: 'tcp', url: 'tcp://10.0.0.9:5432' }), address: '10.0.0.9:5432' },
  ])('$name → $address', ({ hop, address }) => {
    expect(hopAddress(hop)).toBe(address);
  });
});
