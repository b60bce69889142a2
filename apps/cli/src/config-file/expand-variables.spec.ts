import { Expansion, expandVariables, redactSubstitutions } from './expand-variables';

describe('expandVariables', () => {
  const variables = { TOKEN: 's3cr3t-token', HOST: 'hooks.example.com', EMPTY: '' };

  it.each([
    { name: 'a whole value', value: '${TOKEN}', expected: 's3cr3t-token' },
    { name: 'inside a string', value: 'https://${HOST}/in/${TOKEN}', expected: 'https://hooks.example.com/in/s3cr3t-token' },
    { name: 'an empty variable', value: 'x${EMPTY}y', expected: 'xy' },
    { name: 'an escaped reference', value: 'literal $${TOKEN}', expected: 'literal ${TOKEN}' },
    { name: 'a lone dollar', value: 'costs $5', expected: 'costs $5' },
    { name: 'a number', value: 42, expected: 42 },
  ])('expands $name', ({ value, expected }) => {
    expect(expandVariables(value, variables, { missing: [], substitutions: [] })).toEqual(expected);
  });

  it('walks lists and maps and reports each unset variable with its path', () => {
    const expansion: Expansion = { missing: [], substitutions: [] };
    const value = expandVariables({ sites: [{ url: 'https://${HOST}/' }, { bodyContains: '${NOPE}' }] }, variables, expansion);
    expect(value).toEqual({ sites: [{ url: 'https://hooks.example.com/' }, { bodyContains: '${NOPE}' }] });
    expect(expansion.missing).toEqual([{ path: ['sites', 1, 'bodyContains'], name: 'NOPE' }]);
  });
});

describe('redactSubstitutions', () => {
  it('prints references instead of values, longest first, and leaves very short values alone', () => {
    const text = 'url: https://hooks.example.com/in/s3cr3t-token, port 80';
    const substitutions = [{ name: 'HOST', value: 'hooks.example.com' }, { name: 'TOKEN', value: 's3cr3t-token' }, { name: 'PORT', value: '80' }];
    expect(redactSubstitutions(text, substitutions)).toBe('url: https://${HOST}/in/${TOKEN}, port 80');
  });
});
