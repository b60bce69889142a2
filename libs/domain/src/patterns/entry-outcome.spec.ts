import { aRun, ok, pageFrom, refused, responseTimeout, dnsAnswer, T0_SLOT } from '../../test-support/builders';
import { entryOutcomeOf } from './entry-outcome';

describe('entryOutcomeOf', () => {
  it('takes the entry result and each inner hop’s latency and error, leaving DNS checks out', () => {
    const run = aRun([pageFrom('entry', 'nginx-502-refused'), ok('proxy'), refused('app'), dnsAnswer('1.1.1.1', ['203.0.113.10'])]);
    expect(entryOutcomeOf(run)).toEqual({
      slot: T0_SLOT,
      ok: false,
      status: 502,
      errorCode: 'STATUS_MISMATCH',
      hopLatencyMs: { proxy: 25, app: null },
      hopErrorCodes: { proxy: null, app: 'ECONNREFUSED' },
      resultId: `default/${T0_SLOT}/entry`,
    });
  });

  it('counts a hop that timed out as slow rather than unknown', () => {
    const outcome = entryOutcomeOf(aRun([ok('entry'), responseTimeout('app')]));
    expect(outcome?.hopLatencyMs).toEqual({ app: 10_000 });
  });

  it('is null for a run without an entry result', () => {
    expect(entryOutcomeOf(aRun([ok('app')]))).toBeNull();
  });
});
