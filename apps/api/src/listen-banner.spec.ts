import { loadConfig } from '@hopwatch/platform';
import { exposureLines } from './listen-banner';

describe('exposureLines', () => {
  it.each([
    [{}, ['every interface (HOST=0.0.0.0)', '/metrics needs an API key']],
    [{ HOST: '127.0.0.1' }, ['HOST=127.0.0.1', '/metrics needs no API key']],
    [{ HOPWATCH_METRICS_PUBLIC: 'true' }, ['every interface', '/metrics needs no API key and is reachable from the network']],
  ])('%p says %p', (env, expected) => {
    const text = exposureLines(loadConfig(env)).join('\n');
    for (const part of expected) expect(text).toContain(part);
  });
});
