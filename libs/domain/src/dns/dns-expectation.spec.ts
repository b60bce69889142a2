import { missingDnsValues } from './dns-expectation';

describe('missingDnsValues', () => {
  it.each([
    { name: 'the same address', answers: ['192.0.2.10'], expected: ['192.0.2.10'], missing: [] },
    { name: 'one of several answers', answers: ['192.0.2.10', '192.0.2.11'], expected: ['192.0.2.11'], missing: [] },
    { name: 'another address', answers: ['198.51.100.7'], expected: ['192.0.2.10'], missing: ['192.0.2.10'] },
    { name: 'no answer at all', answers: [], expected: ['192.0.2.10'], missing: ['192.0.2.10'] },
    { name: 'a name with a trailing dot and other case', answers: ['10 MX.Example.com.'], expected: ['10 mx.example.com'], missing: [] },
    { name: 'spaces inside a value', answers: ['v=spf1  -all'], expected: ['v=spf1 -all'], missing: [] },
    { name: 'two expected, one answered', answers: ['ns1.example.com'], expected: ['ns1.example.com', 'ns2.example.com'], missing: ['ns2.example.com'] },
  ])('$name', ({ answers, expected, missing }) => {
    expect(missingDnsValues(answers, expected)).toEqual(missing);
  });
});
