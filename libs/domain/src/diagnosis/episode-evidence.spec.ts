import { aDiagnosis, answered, aResult, T0_SLOT } from '../../test-support/builders';
import { withEpisodeEvidence } from './episode-evidence';

const first = answered('entry', 502, { id: 'first', slot: T0_SLOT, region: 'eu' });
const latest = aResult({ id: 'latest', slot: T0_SLOT + 600, region: 'eu' });
const decided = aDiagnosis({ evidence: [{ observation: 'app refused the connection', resultIds: ['decisive'] }] });

describe('withEpisodeEvidence', () => {
  it('puts the first failed check before the deciding evidence and the latest check after it', () => {
    expect(withEpisodeEvidence(decided, { first, latest }).evidence).toEqual([
      { observation: 'first failed check, 2025-11-22T00:00:00.000Z: entry (eu) answered 502 in 25 ms', resultIds: ['first'] },
      { observation: 'app refused the connection', resultIds: ['decisive'] },
      { observation: 'latest check, 2025-11-22T00:10:00.000Z: entry (eu) answered 200 in 25 ms', resultIds: ['latest'] },
    ]);
  });

  it('does not repeat a check the deciding evidence already cites', () => {
    const citing = aDiagnosis({ evidence: [{ observation: 'entry answered 502', resultIds: ['first', 'latest'] }] });
    expect(withEpisodeEvidence(citing, { first, latest }).evidence).toHaveLength(1);
  });

  it('names one check once when the first failure is also the latest', () => {
    expect(withEpisodeEvidence(decided, { first, latest: first }).evidence.map((item) => item.resultIds[0])).toEqual(['first', 'decisive']);
  });
});
