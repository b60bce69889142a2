import { OpenIncidentLookup } from './open-incident-lookup';

describe('OpenIncidentLookup', () => {
  it('answers the checks that ask together with one query', async () => {
    const queries: string[][] = [];
    const lookup = new OpenIncidentLookup({ withOpenIncident: async (ids) => (queries.push(ids), new Set(['b'])) });
    await expect(Promise.all([lookup.has('a'), lookup.has('b'), lookup.has('a')])).resolves.toEqual([false, true, false]);
    expect(queries).toEqual([['a', 'b']]);
    await expect(lookup.has('c')).resolves.toBe(false);
    expect(queries).toEqual([['a', 'b'], ['c']]);
  });

  it('fails every check of a query that failed, and asks again for the next ones', async () => {
    let broken = true;
    const lookup = new OpenIncidentLookup({
      withOpenIncident: async () => {
        if (broken) throw new Error('Connection terminated');
        return new Set<string>();
      },
    });
    const asked = [lookup.has('a'), lookup.has('b')];
    await expect(asked[0]).rejects.toThrow('Connection terminated');
    await expect(asked[1]).rejects.toThrow('Connection terminated');
    broken = false;
    await expect(lookup.has('a')).resolves.toBe(false);
  });
});
