import { parseResolverSpec } from './resolver-spec';

describe('parseResolverSpec', () => {
  it.each([
    ['system', { kind: 'system' }],
    ['1.1.1.1', { kind: 'server', address: '1.1.1.1', port: 53, server: '1.1.1.1:53' }],
    ['127.0.0.1:5353', { kind: 'server', address: '127.0.0.1', port: 5353, server: '127.0.0.1:5353' }],
    ['2606:4700::1111', { kind: 'server', address: '2606:4700::1111', port: 53, server: '[2606:4700::1111]:53' }],
    ['[::1]:5353', { kind: 'server', address: '::1', port: 5353, server: '[::1]:5353' }],
  ])('reads %s', (value, expected) => {
    expect(parseResolverSpec(value)).toEqual(expected);
  });

  it.each(['dns.google', '1.1.1.1:0', '', 'System'])('rejects %p', (value) => {
    expect(parseResolverSpec(value)).toBeNull();
  });
});
