// The chain reasoning with the error pages recorded from Caddy, lighttpd, Squid, h2o and Traffic Server
// (libs/domain/scripts/record-more-fixtures.sh) as the proxy in front of a broken app.
import { detectPattern } from '../patterns/detect-pattern';
import { aLayout, aRun, failed, pageFrom, refused, reset, responseTimeout, T0_SLOT } from '../../test-support/builders';
import { classify } from './classify';
import type { ObservedResult } from './observed';

const PERSISTENT = detectPattern({ outcomes: { default: [...'........55'].map((mark, index) => ({ slot: T0_SLOT + index * 60, ok: mark === '.', status: mark === '.' ? 200 : 502, errorCode: mark === '.' ? null : ('STATUS_MISMATCH' as const) })) }, now: new Date((T0_SLOT + 3600) * 1000) });

const APP_FAILS: Record<string, { app: (target: string) => ObservedResult; cause: string }> = {
  refused: { app: refused, cause: 'origin_down' },
  reset: { app: reset, cause: 'origin_bad_response' },
  timeout: { app: responseTimeout, cause: 'origin_timeout' },
  garbage: { app: (target) => failed(target, 'INVALID_RESPONSE'), cause: 'origin_bad_response' },
};

const cases = ['caddy', 'lighttpd', 'squid', 'h2o', 'trafficserver'].flatMap((gateway) =>
  Object.entries(APP_FAILS)
    .filter(([how]) => !(gateway === 'squid' && how === 'garbage')) // Squid relays a non-HTTP reply as a 200
    .map(([how, { app, cause }]) => ({ gateway, how, app, cause })),
);

describe('recorded pages of more gateways, in front of a broken app', () => {
  it.each(cases)('$gateway when the app $how → $cause at app, written by $gateway', ({ gateway, how, app, cause }) => {
    const page = `${gateway}-${how}`;
    const diagnosis = classify({ layout: aLayout(), runs: [aRun([pageFrom('entry', page), pageFrom('proxy', page), app('app')])], pattern: PERSISTENT });
    expect(diagnosis).toMatchObject({ cause, failingHop: 'app', reportedBy: 'proxy', gateway });
  });
});
