import { outcomes, T0_SLOT } from '../../test-support/builders';
import { episodeOf } from './episode';

const at = (index: number) => T0_SLOT + index * 60;

describe('episodeOf', () => {
  it.each([
    { picture: '..........', expected: null },
    { picture: '........55', expected: { onsetSlot: at(8), latestSlot: at(9), checks: 2, failures: 2 } },
    { picture: '..5..5.5..', expected: { onsetSlot: at(2), latestSlot: at(9), checks: 8, failures: 3 } },
    { picture: '5.....5.55', expected: { onsetSlot: at(6), latestSlot: at(9), checks: 4, failures: 3 } },
    { picture: '5....5..55', expected: { onsetSlot: at(0), latestSlot: at(9), checks: 10, failures: 4 } },
    { picture: '55........', expected: { onsetSlot: at(0), latestSlot: at(9), checks: 10, failures: 2 } },
  ])('$picture (five successes end an episode)', ({ picture, expected }) => {
    expect(episodeOf(outcomes(picture), 5)).toEqual(expected);
  });
});
