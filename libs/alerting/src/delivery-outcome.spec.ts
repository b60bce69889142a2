import { outcomeForHttpStatus } from './delivery-outcome';

describe('outcomeForHttpStatus', () => {
  it.each([200, 201, 202, 204, 299])('%i is delivered', (status) => {
    expect(outcomeForHttpStatus(status)).toEqual({ status: 'delivered', responseStatus: status });
  });

  it.each([408, 429, 500, 502, 503, 504])('%i is worth a retry', (status) => {
    expect(outcomeForHttpStatus(status)).toEqual({ status: 'retry', error: `HTTP ${status}`, responseStatus: status });
  });

  it.each([400, 401, 403, 404, 410, 413, 422])('%i fails at once', (status) => {
    expect(outcomeForHttpStatus(status)).toEqual({ status: 'failed', error: `HTTP ${status}`, responseStatus: status });
  });

  it.each([301, 302, 307, 308])('%i fails: redirects are not followed', (status) => {
    expect(outcomeForHttpStatus(status)).toEqual({ status: 'failed', error: `HTTP ${status} (redirects are not followed)`, responseStatus: status });
  });
});
