import { CAUSE_FOR_PROXY_ERROR, parseProxyStatus, PROXY_ERROR_TYPES, proxyStatusError } from './proxy-status';

describe('parseProxyStatus', () => {
  it.each([
    {
      name: 'one member with an error and a quoted next hop',
      header: 'envoy; error=connection_refused; next-hop="10.0.0.3:3000"',
      expected: [{ name: 'envoy', error: 'connection_refused', nextHop: '10.0.0.3:3000', receivedStatus: null, details: null }],
    },
    {
      name: 'two members, origin side first, the edge relaying a status',
      header: 'OriginProxy; error=http_response_timeout, ExampleCDN; received-status=504',
      expected: [
        { name: 'OriginProxy', error: 'http_response_timeout', receivedStatus: null },
        { name: 'ExampleCDN', error: null, receivedStatus: 504 },
      ],
    },
    {
      name: 'a details string holding commas and semicolons',
      header: 'proxy; error=tls_certificate_error; details="expired; see, chain"',
      expected: [{ name: 'proxy', error: 'tls_certificate_error', details: 'expired; see, chain' }],
    },
    { name: 'an unregistered error type is kept as no error', header: 'proxy; error=made_up_thing', expected: [{ name: 'proxy', error: null }] },
    { name: 'a quoted proxy name', header: '"my proxy"; error=dns_timeout', expected: [{ name: 'my proxy', error: 'dns_timeout' }] },
    { name: 'an empty header', header: '', expected: [] },
  ])('$name', ({ header, expected }) => {
    expect(parseProxyStatus(header)).toMatchObject(expected);
  });
});

describe('proxyStatusError', () => {
  it('picks the member nearest the origin that reports an error', () => {
    expect(proxyStatusError({ 'proxy-status': 'ExampleCDN; received-status=200, inner; error=connection_terminated, edge; error=http_protocol_error' })).toMatchObject({ name: 'inner', error: 'connection_terminated' });
  });

  it('is null without the header or without an error', () => {
    expect(proxyStatusError({})).toBeNull();
    expect(proxyStatusError({ 'proxy-status': 'cdn; received-status=502' })).toBeNull();
  });
});

describe('CAUSE_FOR_PROXY_ERROR', () => {
  it('maps every RFC 9209 error type', () => {
    for (const type of PROXY_ERROR_TYPES) expect(typeof CAUSE_FOR_PROXY_ERROR[type]).toBe('string');
  });
});
