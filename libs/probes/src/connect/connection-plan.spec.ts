import { ProbeFailure } from '../shared/probe-failure';
import { planConnection } from './connection-plan';

describe('planConnection', () => {
  it('connects to the URL host and default port with SNI for https', () => {
    expect(planConnection(new URL('https://shop.example.test/'), null)).toEqual({
      hostname: 'shop.example.test',
      port: 443,
      pinnedAddress: null,
      connectPort: 443,
      servername: 'shop.example.test',
      tls: true,
    });
  });

  it('pins the address and port of connectTo but keeps the URL host for SNI', () => {
    expect(planConnection(new URL('https://shop.example.test:8443/'), '10.0.0.7:9443')).toMatchObject({
      hostname: 'shop.example.test',
      port: 8443,
      pinnedAddress: '10.0.0.7',
      connectPort: 9443,
      servername: 'shop.example.test',
    });
  });

  it('keeps the URL port when connectTo has none', () => {
    expect(planConnection(new URL('http://shop.example.test:8080/'), '10.0.0.7')).toMatchObject({ connectPort: 8080, tls: false });
  });

  it('sends no SNI to an IP literal and strips IPv6 brackets', () => {
    expect(planConnection(new URL('https://[::1]:8443/'), null)).toMatchObject({ hostname: '::1', servername: null });
  });

  it('refuses a connectTo that is not an address', () => {
    expect(() => planConnection(new URL('http://a.test/'), 'b.test')).toThrow(ProbeFailure);
  });
});
