import { detectPattern } from '../../patterns/detect-pattern';
import { aHop, aLayout, answered, aRun, ok, outcomes, pageFrom, refused, reset, responseTimeout, T0_SLOT } from '../../../test-support/builders';
import { classify } from '../classify';
import type { ObservedResult } from '../observed';

const BACKENDS = [
  { name: 'app-1', address: '10.0.0.21:8080' },
  { name: 'app-2', address: '10.0.0.22:8080' },
  { name: 'app-3', address: '10.0.0.23:8080' },
];
const LB = aHop({ target: 'lb', role: 'load_balancer', url: 'http://shop.internal/', backends: BACKENDS });
// every third check failed: what one bad backend of three looks like under round-robin
const ONE_IN_THREE = detectPattern({ outcomes: { default: outcomes('5..5..5..5..5..5') }, now: new Date((T0_SLOT + 3600) * 1000) });

function run(entry: ObservedResult, bad: ObservedResult) {
  return aRun([entry, ok('lb'), ok('lb@app-1'), bad, ok('lb@app-3')]);
}

describe('one bad backend behind a load balancer', () => {
  it.each([
    { how: 'refuses', entry: pageFrom('entry', 'haproxy-503-refused'), bad: refused('lb@app-2'), proxyStatus: 'connection_refused', words: 'refuses connections' },
    { how: 'resets', entry: pageFrom('entry', 'haproxy-502-reset'), bad: reset('lb@app-2'), proxyStatus: 'connection_terminated', words: 'resets connections' },
    { how: 'is too slow', entry: pageFrom('entry', 'haproxy-504-server-timeout'), bad: responseTimeout('lb@app-2'), proxyStatus: 'http_response_timeout', words: 'does not answer in time' },
    { how: 'answers 500', entry: answered('entry', 500), bad: answered('lb@app-2', 500), proxyStatus: null, words: 'answers 500' },
  ])('a backend that $how is named as the failing hop', ({ entry, bad, proxyStatus, words }) => {
    const diagnosis = classify({ layout: aLayout([LB]), runs: [run(entry, bad)], pattern: ONE_IN_THREE });
    expect(diagnosis).toMatchObject({ cause: 'backend_failing', failingHop: 'lb@app-2', proxyStatus, confidence: 0.9 });
    expect(diagnosis.summary).toContain(`Backend app-2 (10.0.0.22:8080), one of 3 behind lb, ${words} while the other 2 answer`);
    expect(diagnosis.summary).toMatch(/about 1 in 3 requests \(33 %\); the entry failed 38 % of checks \(95 % interval \d+ %–\d+ %\), of which it explains about 89 %/);
    expect(diagnosis.nextSteps.join('\n')).toContain("Take 10.0.0.22:8080 out of lb's pool");
    // commands reach the backend itself, not wherever the balancer's URL resolves
    for (const step of diagnosis.nextSteps.filter((candidate) => candidate.includes('curl'))) expect(step).toContain('--connect-to ::10.0.0.22:8080');
    expect(diagnosis.evidence.map((item) => item.resultIds[0])).toEqual(['default/1763769600/entry', 'default/1763769600/lb@app-2', 'default/1763769600/lb@app-1', 'default/1763769600/lb@app-3']);
  });

  it('names no backend when two of them fail', () => {
    const diagnosis = classify({ layout: aLayout([LB]), runs: [aRun([pageFrom('entry', 'haproxy-503-refused'), ok('lb'), refused('lb@app-1'), refused('lb@app-2'), ok('lb@app-3')])], pattern: ONE_IN_THREE });
    expect(diagnosis.cause).not.toBe('backend_failing');
  });

  it('names no backend when every backend answers', () => {
    const diagnosis = classify({ layout: aLayout([LB]), runs: [aRun([pageFrom('entry', 'haproxy-503-refused'), ok('lb'), ok('lb@app-1'), ok('lb@app-2'), ok('lb@app-3')])], pattern: ONE_IN_THREE });
    expect(diagnosis.cause).not.toBe('backend_failing');
  });
});
