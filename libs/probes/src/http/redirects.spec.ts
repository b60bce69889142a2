import { redirectTarget, sameEndpoint } from './redirects';

const here = new URL('http://shop.test:8080/a/b?x=1');

describe('redirectTarget', () => {
  it('resolves a relative location against the current URL', () => {
    expect(redirectTarget(302, '../c', here)?.href).toBe('http://shop.test:8080/c');
  });

  it('is null for answers that are not redirects or have no location', () => {
    expect(redirectTarget(200, '/elsewhere', here)).toBeNull();
    expect(redirectTarget(301, undefined, here)).toBeNull();
  });

  it('refuses schemes other than http and https', () => {
    expect(() => redirectTarget(302, 'file:///etc/passwd', here)).toThrow(/unsupported scheme/);
  });
});

describe('sameEndpoint', () => {
  it('compares scheme, host and port', () => {
    expect(sameEndpoint(here, new URL('http://shop.test:8080/other'))).toBe(true);
    expect(sameEndpoint(here, new URL('https://shop.test:8080/'))).toBe(false);
    expect(sameEndpoint(here, new URL('http://cdn.test:8080/'))).toBe(false);
  });
});
