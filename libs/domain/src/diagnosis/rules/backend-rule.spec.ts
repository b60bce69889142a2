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

describe('one backend far slower than its siblings', () => {
  const answeredIn = (target: string, ms: number) => ok(target, { timings: { dnsMs: 1, connectMs: 1, tlsMs: null, ttfbMs: ms, totalMs: ms + 1 } });
  const balancerTimeout = pageFrom('entry', 'haproxy-504-server-timeout');
  const runWith = (entry: ObservedResult, times: [number, number, number]) =>
    aRun([entry, ok('lb'), answeredIn('lb@app-1', times[0]), answeredIn('lb@app-2', times[1]), answeredIn('lb@app-3', times[2])]);
  const diagnose = (entry: ObservedResult, times: [number, number, number]) => classify({ layout: aLayout([LB]), runs: [runWith(entry, times)], pattern: ONE_IN_THREE });

  it.each([
    { name: 'the balancer times out and one backend answers 5× slower', entry: balancerTimeout, times: [20, 1500, 25] as [number, number, number], named: 'lb@app-2' },
    { name: 'the entry times out itself', entry: responseTimeout('entry'), times: [20, 1500, 25] as [number, number, number], named: 'lb@app-2' },
    { name: 'just at the factor and above the floor', entry: balancerTimeout, times: [100, 500, 100] as [number, number, number], named: 'lb@app-2' },
    { name: 'slower, but less than 5×', entry: balancerTimeout, times: [400, 1500, 400] as [number, number, number], named: null },
    { name: 'many times slower, but under the floor', entry: balancerTimeout, times: [2, 400, 2] as [number, number, number], named: null },
    { name: 'the entry fails otherwise than by a timer', entry: answered('entry', 500), times: [20, 1500, 25] as [number, number, number], named: null },
  ])('$name → $named', ({ entry, times, named }) => {
    const diagnosis = diagnose(entry, times);
    if (named) expect(diagnosis).toMatchObject({ cause: 'backend_failing', failingHop: named });
    else expect(diagnosis.failingHop).not.toMatch(/^lb@/);
  });

  it('says how slow it is against the others, and what share of traffic it explains', () => {
    const diagnosis = diagnose(balancerTimeout, [20, 1500, 30]);
    expect(diagnosis.summary).toContain('Backend app-2 (10.0.0.22:8080), one of 3 behind lb, answers in 1500 ms while the other 2 answer in about 25 ms');
    expect(diagnosis.summary).toMatch(/about 1 in 3 requests \(33 %\); the entry failed 38 % of checks/);
    expect(diagnosis.evidence.map((item) => item.observation)).toContain('backend app-2 (10.0.0.22:8080) behind lb answers in 1500 ms, 60× the 25 ms of the other 2 (median of direct checks)');
    expect(diagnosis.nextSteps.join('\n')).toContain("Take 10.0.0.22:8080 out of lb's pool");
  });

  it('is flagged as a finding when the entry fails for another reason', () => {
    const diagnosis = diagnose(answered('entry', 500), [20, 1500, 30]);
    expect(diagnosis.evidence.map((item) => item.observation)).toContain('also noticed: backend app-2 (10.0.0.22:8080) behind lb answers in 1500 ms, 60× the 25 ms of the other 2 (median of direct checks)');
  });

  it('flags nothing when the backends answer alike', () => {
    const diagnosis = diagnose(pageFrom('entry', 'haproxy-503-refused'), [20, 30, 25]);
    expect(diagnosis.evidence.map((item) => item.observation).join('\n')).not.toContain('also noticed: backend');
  });
});
