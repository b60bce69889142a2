import { describe, expect, it } from '@jest/globals';
import { emptyHop, emptySiteForm, formToBody, isFormField } from './site-form-state';

describe('formToBody', () => {
  it('sends numbers as numbers, lists split on commas, and leaves blank optional fields out', () => {
    const body = formToBody({
      ...emptySiteForm(),
      name: ' shop ', url: 'https://shop.example.com/', intervalSeconds: '30', regions: 'default, eu ,', tags: '', resolvers: 'system,1.1.1.1',
      rateWindow: '20', hops: [{ ...emptyHop(), name: 'app', url: 'http://10.0.0.2/', connectTo: ' ' }],
    });
    expect(body).toEqual({
      name: 'shop', url: 'https://shop.example.com/', method: 'GET', intervalSeconds: 30, timeoutMs: 10_000, expectStatus: '200-399', bodyContains: undefined,
      regions: ['default', 'eu'], tags: [], dns: { resolvers: ['system', '1.1.1.1'] }, confirmations: 2, recoveries: 2,
      detection: { rateWindow: 20, rateThreshold: undefined, flapLimit: undefined, flapWindowMinutes: undefined },
      hops: [{ name: 'app', role: 'app', url: 'http://10.0.0.2/', connectTo: undefined, hostHeader: undefined, expectStatus: undefined }],
      alertChannelIds: [],
    });
  });
});

describe('isFormField', () => {
  it.each([
    ['url', true], ['hops.3.connectTo', true], ['dns.resolvers', true], ['detection.flapLimit', true], ['hops', true],
    ['hops.0.property', true], ['property', false], ['body', false], ['', false],
  ])('%s → %s', (field, expected) => expect(isFormField(field)).toBe(expected));
});
