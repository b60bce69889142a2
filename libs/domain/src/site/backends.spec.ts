import { backendTarget, defaultBackendName, parseBackendTarget } from './backends';

describe('backend targets', () => {
  it('are the hop and backend names joined by @, and parse back', () => {
    expect(backendTarget('lb', 'app-2')).toBe('lb@app-2');
    expect(parseBackendTarget('lb@app-2')).toEqual({ hop: 'lb', backend: 'app-2' });
    expect(parseBackendTarget('proxy')).toBeNull();
    expect(parseBackendTarget('dns:1.1.1.1')).toBeNull();
  });

  it.each([
    { address: '10.0.0.21:8080', index: 0, expected: '10.0.0.21-8080' },
    { address: '[::1]:8080', index: 1, expected: 'backend-2' },
    { address: '[2001:db8:ffff::1234]:8080', index: 2, expected: 'backend-3' },
    { address: '192.168.100.200:65535', index: 3, expected: 'backend-4' },
  ])('backend $index at $address without a name is called $expected', ({ address, index, expected }) => {
    expect(defaultBackendName(address, index)).toBe(expected);
  });
});
